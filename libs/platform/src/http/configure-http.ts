import type { INestApplication } from '@nestjs/common';
import { jsonBodyParser } from './json-body';
import { setUpOpenApi } from './openapi';
import { securityHeaders } from './security-headers';
import { serveWebApp } from './web-app';

/**
 * Everything HTTP an app needs beyond its modules, in one place for `npm start` and the tests alike: security
 * headers, the JSON body parser (limits, depth), OpenAPI at /docs, the web application at / (when built). The app must be created with
 * `bodyParser: false` (this is the only parser) and this called before `init()`/`listen()`.
 */
export function configureHttp(app: INestApplication): void {
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(securityHeaders());
  app.use(jsonBodyParser());
  setUpOpenApi(app);
  serveWebApp(app);
}
