import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where the counter desk's bundle is (built by `scripts/web-bundle.cjs`): WEB_DIR, or apps/web/dist of the checkout. */
export const webDirectory = (): string =>
  resolve(process.env.WEB_DIR ?? join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist'));

/** Paths that belong to the API and the documents, never to the web application. */
const NOT_THE_APP = /^\/(api|docs|health)(\/|$|-)/;

/**
 * Serves the web application at `/`: hashed assets cached for a year, every other page path answered with
 * index.html (the application routes in the browser), the API untouched. Without a bundle, nothing is served and
 * `/` stays a 404 (the API works alone).
 */
export function serveWebApp(app: INestApplication, directory = webDirectory()): boolean {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) return false;
  const assets = express.static(join(directory, 'assets'), {
    immutable: true,
    maxAge: '365d',
    index: false,
    fallthrough: false,
  });
  const files = express.static(directory, { index: false, maxAge: 0 });
  app.use('/assets', assets);
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
