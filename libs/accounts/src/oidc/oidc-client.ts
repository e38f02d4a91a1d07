import { Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { isLoopbackHttp } from './login-urls';
import { loginRejected, oidcDisabled, providerUnavailable } from './oidc-errors';
import type { PendingLogin } from './pending-login';

/** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (config.auth.oidc). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Who the provider says signed in. */
export interface ProvenIdentity {
  /** `iss` of the ID token (checked by openid-client against the discovered issuer). */
  issuer: string;
  subject: string;
  /** `preferred_username` of the ID token, or else of the UserInfo endpoint (asked only when called). */
  preferredUsername(): Promise<string | undefined>;
}

const SCOPE = 'openid profile';

/**
 * The relying party's side of the authorization code flow with PKCE (openid-client). The provider's metadata and
 * keys are discovered on first use and kept for the life of the process (a failed discovery is retried on the next
 * sign-in, so the app starts even when the provider is down). Without settings, every use answers OIDC_DISABLED.
 */
export class OidcClient {
  private readonly logger = new Logger('oidc');
  private discovered?: Promise<client.Configuration>;

  constructor(private readonly settings: OidcSettings | undefined) {
    if (settings && new URL(settings.issuer).protocol !== 'https:' && !isLoopbackHttp(settings.issuer))
      throw new Error(
        `OIDC_ISSUER must be an https URL (plain http only on 127.0.0.1 or localhost): ${settings.issuer}`,
      );
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** The provider's authorization URL (code flow, PKCE S256, state, nonce) and what the callback must check. */
  async authorization(
    redirectUri: string,
    returnTo: string,
  ): Promise<{ url: URL; login: Omit<PendingLogin, 'expiresAt'> }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, login: { codeVerifier, state, nonce, redirectUri, returnTo } };
  }

  /**
   * The provider's answer (`callbackUrl`: the redirect URI with the query it came with) exchanged for tokens: state,
   * nonce, PKCE, issuer, audience and the ID token's signature are checked; any mismatch is OIDC_REJECTED.
   */
  async exchange(callbackUrl: URL, login: PendingLogin): Promise<ProvenIdentity> {
    const config = await this.configuration();
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw this.refusal(error, 'code exchange');
    }
    const claims = tokens.claims();
    if (!claims) throw loginRejected();
    const fromToken = claims.preferred_username;
    return {
      issuer: claims.iss,
      subject: claims.sub,
      preferredUsername: async () => {
        if (typeof fromToken === 'string') return fromToken;
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          return typeof info.preferred_username === 'string' ? info.preferred_username : undefined;
        } catch (error) {
          throw this.refusal(error, 'userinfo');
        }
      },
    };
  }

  private configuration(): Promise<client.Configuration> {
    const settings = this.settings;
    if (!settings) return Promise.reject(oidcDisabled());
    this.discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        client.ClientSecretBasic(settings.clientSecret),
        isLoopbackHttp(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        this.logger.warn(`discovery of ${settings.issuer} failed: ${describe(error)}`);
        throw providerUnavailable();
      });
    return this.discovered;
  }

  /** The provider refused (or the answer failed a check): OIDC_REJECTED; it could not be reached: OIDC_UNAVAILABLE. */
  private refusal(error: unknown, step: string): Error {
    if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError)
      return loginRejected(error.error);
    if (error instanceof client.ClientError || error instanceof client.WWWAuthenticateChallengeError) {
      this.logger.log(`sign-in refused at ${step}: ${describe(error)}`);
      return loginRejected();
    }
    this.logger.warn(`provider unreachable at ${step}: ${describe(error)}`);
    return providerUnavailable();
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
