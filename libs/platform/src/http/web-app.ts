import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where the counter desk's bundle is (built by `scripts/web-bundle.cjs`): WEB_DIR, or apps/web/dist of the checkout. */
export const webDirectory = (): string =>
  resolve(process.env.WEB_DIR ?? join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist'));

/** Paths that belong to the API and the documents, never to the web application. */
const NOT_THE_APP = /^\/(api|docs|health)(\/|$|-)/;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Serves the web application at `/`: hashed assets cached for a year (their Brotli or gzip copy when the browser
 * takes it — written at build time, so no compression work per request), every other page path answered with
 * index.html (the application routes in the browser), the API untouched. Without a bundle nothing is served and
 * `/` stays a 404 (the API works alone).
 */
export function serveWebApp(app: INestApplication, directory = webDirectory()): boolean {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) return false;
  const assetsDir = join(directory, 'assets');
  const assets = express.static(assetsDir, { immutable: true, maxAge: '365d', index: false, fallthrough: false });
  const files = express.static(directory, { index: false, maxAge: 0 });
  app.use('/assets', (request: Request, response: Response, next: NextFunction) => {
    const type = CONTENT_TYPES[extname(request.path)];
    const encoding = type ? precompressed(assetsDir, request) : undefined;
    if (!type || !encoding) return assets(request, response, next);
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Encoding', encoding.name);
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.sendFile(encoding.file, (error) => error && next(error));
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_APP.test(request.path)) return next();
    files(request, response, () => {
      if (!request.accepts('html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  });
  return true;
}

/** The Brotli (`.br`) or gzip (`.gz`) copy of the asset, if the browser accepts it and it was written. */
function precompressed(dir: string, request: Request): { name: string; file: string } | undefined {
  const file = join(dir, request.path);
  if (!file.startsWith(dir + '/')) return undefined;
  for (const name of [request.acceptsEncodings('br', 'gzip')].filter((e): e is string => typeof e === 'string')) {
    const copy = `${file}.${name === 'br' ? 'br' : 'gz'}`;
    if (existsSync(copy)) return { name, file: copy };
  }
  return undefined;
}
