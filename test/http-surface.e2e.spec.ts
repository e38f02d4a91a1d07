import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
  security?: unknown[];
};

/** What any client sees before the API itself: security headers, and an OpenAPI document that declares everything. */
describe('HTTP surface: security headers and the OpenAPI document', () => {
  let subject: TestApp;
  const http = () => request(subject.app.getHttpServer());
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(() => subject.close());

  it.each(['/health', '/docs-json', '/api/v1/dossiers?code=x'])(
    '%s: security headers, no X-Powered-By',
    async (path) => {
      const response = await http().get(path);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringContaining('max-age='),
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    },
  );

  it('Swagger UI still loads under the policy: its page, scripts and styles come from the same origin', async () => {
    const page = await http().get('/docs').redirects(1).expect(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script the policy would block
    for (const src of scripts) {
      expect(src).not.toMatch(/^https?:/);
      await http()
        .get(src.startsWith('/') ? src : `/docs/${src.replace(/^\.?\/?(docs\/)?/, '')}`)
        .expect(200);
    }
  });

  it('declares every path parameter of every operation', async () => {
    const document = (await http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.required).map((p) => p.name);
        for (const name of names)
          if (!declared.includes(name as string)) missing.push(`${method.toUpperCase()} ${path}: {${name}}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("links a receipt's answer to every operation on the dossier, by operation ids that exist", async () => {
    const document = (await http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation & { operationId: string }>>;
    };
    const ids = new Set(
      Object.values(document.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId)),
    );
    const links =
      (
        document.paths['/api/v1/dossiers']?.post?.responses['201'] as {
          links?: Record<string, { operationId: string }>;
        }
      ).links ?? {};
    expect(Object.keys(links)).toHaveLength(13);
    for (const link of Object.values(links)) expect(ids).toContain(link.operationId);
  });

  it('documents the error answers of each operation', async () => {
    const document = (await http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const expected: Record<string, string[]> = {
      'post /api/v1/dossiers': ['400', '401', '403', '404', '409', '413', '422'],
      'post /api/v1/receipt-refusals': ['400', '401', '403', '404', '413', '422'],
      'post /api/v1/dossiers/{id}/withdraw': ['400', '401', '403', '404', '409', '412', '413', '422'],
      'post /api/v1/dossiers/{id}/correct': ['400', '401', '403', '404', '409', '412', '413', '422'],
      'get /api/v1/dossiers/{id}': ['400', '401', '404'],
      'get /api/v1/dossiers/{id}/history': ['400', '401', '404'],
      'get /api/v1/dossiers': ['400', '401', '404'],
      'get /api/v1/reference/{kind}': ['400', '401'],
      'put /api/v1/reference/{kind}': ['400', '401', '403', '413'],
      'get /api/v1/reports/dossier-figures': ['400', '401', '403'],
    };
    for (const [key, statuses] of Object.entries(expected)) {
      const [method, path] = key.split(' ') as [string, string];
      const operation = document.paths[path]?.[method];
      expect({ key, statuses: Object.keys(operation?.responses ?? {}).filter((s) => statuses.includes(s)) }).toEqual({
        key,
        statuses,
      });
    }
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (path === '/health') continue;
        expect({ operation: `${method} ${path}`, has400: '400' in operation.responses }).toEqual({
          operation: `${method} ${path}`,
          has400: true,
        });
      }
    }
  });
});
