import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { webDirectory } from '@app/platform';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureWebBundle } from './support/browser';

describe('the web application served by the app at /', () => {
  let app: TestApp;
  let script: string;

  beforeAll(async () => {
    ensureWebBundle();
    app = await createTestApp();
    const html = fs.readFileSync(path.join(webDirectory(), 'index.html'), 'utf8');
    script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
  });
  afterAll(() => app?.close());

  it('answers / and any page path with the application, never cached', async () => {
    for (const url of ['/', '/receipt', '/dossiers/5d0c3c8e-0b3a-4d4b-9a43-8d5a5b1f0b2a']) {
      const response = await request(app.app.getHttpServer()).get(url).set('Accept', 'text/html').expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<html lang="vi">');
    }
  });

  it('sends the hashed scripts compressed at build time, cached for a year', async () => {
    expect(script).not.toBe('');
    const br = await request(app.app.getHttpServer()).get(script).set('Accept-Encoding', 'br, gzip').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    const plain = await request(app.app.getHttpServer()).get(script).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/javascript/);
  });

  it('leaves the API and its errors alone', async () => {
    const unknown = await request(app.app.getHttpServer()).get('/api/v1/nothing-here').set('Accept', 'text/html');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    await request(app.app.getHttpServer()).get('/assets/not-a-file.js').expect(404);
    await request(app.app.getHttpServer())
      .get('/health')
      .expect((r) => expect(r.headers['content-type']).toMatch(/json/));
  });
});
