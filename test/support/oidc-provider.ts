import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { Configuration } from 'oidc-provider';

/** A person at the provider: their `sub` is the key of the map, these are their other claims. */
export interface ProviderUser {
  name: string;
  preferred_username?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in at the provider, by subject (a test may add more at any time). */
  users: Map<string, ProviderUser>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on a loopback port, with one confidential client (client_secret_basic,
 * code flow, PKCE required) whose only redirect URI is `redirectUri`. Profile claims are served by its UserInfo
 * endpoint only (the ID token carries `sub`), as many providers do.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_request, response) => response.writeHead(503).end();
  const server = http.createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const users = new Map<string, ProviderUser>();
  const clientId = 'dossier-tracker';
  const clientSecret = 'test-client-secret-of-the-dossier-tracker-0123';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_context, sub) {
      const user = users.get(sub);
      return user && { accountId: sub, claims: async () => ({ sub, ...user }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-signing-key-of-the-provider'] },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' }] },
  };
  // it warns about its development interactions and in-memory storage (both intended here), and on loading about
  // Node 20 (it asks for 22; it is only a test's provider, and the tests pass on 20)
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(issuer, configuration);
  warn.mockRestore();
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    users,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Plays a browser at the provider: follows its redirects from `authorizationUrl` carrying its cookies, fills in the
 * development sign-in form as `subject` (any password) and the consent form, and stops at the redirect back to
 * `redirectUri`, returning that URL (code, state, iss) without opening it.
 */
export async function signInAtProvider(authorizationUrl: string, redirectUri: string, subject: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(pair.slice(0, eq).trim());
      else cookies.set(pair.slice(0, eq).trim(), value);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.arrayBuffer();
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next.href;
      body = undefined;
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action || !prompt)
      throw new Error(`the provider answered ${response.status}: ${page.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt });
  }
  throw new Error('too many redirects at the provider');
}
