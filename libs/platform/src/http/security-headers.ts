import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The usual security headers (helmet's defaults: CSP, nosniff, frame denial, HSTS, no referrer, no X-Powered-By),
 * with a CSP that Swagger UI at /docs works under (its scripts are files of the same origin, its styles partly
 * inline, its icons data: URLs — all in helmet's default policy). `upgrade-insecure-requests` is left out: the app
 * serves plain HTTP (TLS ends at the proxy, if any), and the directive would make a browser fetch /docs' assets
 * over https from another host.
 */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
}
