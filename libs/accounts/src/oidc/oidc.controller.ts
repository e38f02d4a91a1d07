import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, APP_CONFIG, type AppConfig, Public } from '@app/platform';
import { sessionCookie } from '../sessions/cookies';
import { callbackUrl, safeReturnTo } from './login-urls';
import { OidcClient } from './oidc-client';
import { loginExpired, oidcDisabled } from './oidc-errors';
import { OidcSignInService } from './oidc-sign-in.service';
import { clearedPendingLoginCookie, pendingLoginCookie, PendingLoginSealer, pendingLoginValue } from './pending-login';

/**
 * Single sign-on with the province's OpenID provider (when OIDC_* are set): `GET /api/v1/session/oidc` sends the
 * browser to the provider, which sends it back to `…/oidc/callback`; that answer sets the same session cookie as a
 * password sign-in (HttpOnly, SameSite=Strict) and redirects to `returnTo`.
 */
@ApiTags('session')
@Controller('api/v1/session/oidc')
export class OidcController {
  constructor(
    private readonly client: OidcClient,
    private readonly sealer: PendingLoginSealer,
    private readonly signIn: OidcSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "Sign in with the province's single sign-on: redirects to the OpenID provider" })
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of this site to open afterwards (default /)' })
  @ApiResponse({ status: 302, description: "To the provider's sign-in page (PKCE S256, state, nonce)" })
  @ApiErrors(400, 404)
  async start(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.client.enabled) throw oidcDisabled();
    const redirectUri = callbackUrl(this.config.auth.publicUrl, originOf(request));
    const { url, login } = await this.client.authorization(redirectUri, safeReturnTo(returnTo));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Set-Cookie', pendingLoginCookie(this.sealer.seal(login), this.secure(request)));
    response.redirect(302, url.href);
  }

  @Get('callback')
  @Public()
  @ApiOperation({ summary: "The provider's answer: opens a session (sets the cookie) and redirects to returnTo" })
  @ApiResponse({ status: 302, description: 'Signed in: to returnTo, with the session cookie' })
  @ApiErrors(400, 401, 403, 404)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const secure = this.secure(request);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Set-Cookie', clearedPendingLoginCookie(secure)); // the browser's pending login is spent, whatever happens
    if (!this.client.enabled) throw oidcDisabled();
    const login = this.sealer.open(pendingLoginValue(request.headers.cookie));
    if (!login) throw loginExpired();
    const answer = new URL(login.redirectUri);
    answer.search = new URL(request.originalUrl, 'http://callback.invalid').search;
    const proven = await this.client.exchange(answer, login);
    const { session } = await this.signIn.signIn(proven, request.ip ?? '', request.header('user-agent') ?? '');
    response.setHeader('Set-Cookie', [
      clearedPendingLoginCookie(secure),
      sessionCookie(session.secret, session.expiresAt, secure),
    ]);
    response.redirect(302, login.returnTo);
  }

  /** As the password sign-in: Secure behind TLS (the request came over https, or PUBLIC_URL is https). */
  private secure(request: Request): boolean {
    return request.secure || this.config.auth.publicUrl?.startsWith('https:') === true;
  }
}

function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
