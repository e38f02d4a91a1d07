import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  ApiErrors,
  APP_CONFIG,
  type AppConfig,
  CurrentPrincipal,
  OpenBeforePasswordChange,
  type Principal,
  Public,
} from '@app/platform';
import { AccountsService } from '../accounts.service';
import { AuthenticationError } from '../auth-errors';
import { AddressThrottle } from '../sessions/address-throttle';
import { clearedSessionCookie, sessionCookie } from '../sessions/cookies';
import { recordAddressThrottled } from '../sessions/sign-in-throttled';
import { accountJson, principalJson, sessionJson } from './account-views';
import { ChangePasswordDto, SignInDto } from './account.dto';

/**
 * People sign in and out: `POST /api/v1/session` sets an HttpOnly, SameSite=Strict cookie (Secure behind TLS) and
 * answers the CSRF token to send back in `X-CSRF-Token` with every write. Sessions end when idle, at their absolute
 * end, on sign-out, on a password change and when an administrator revokes them.
 */
@ApiTags('session')
@ApiCookieAuth()
@Controller('api/v1/session')
export class SessionController {
  private readonly throttle = new AddressThrottle();

  constructor(
    private readonly accounts: AccountsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Sign in with a username and a password: sets the session cookie' })
  @ApiErrors(400, 401, 429)
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const address = request.ip ?? '';
    const blocked = this.throttle.blockedUntil(address);
    if (blocked)
      throw new AuthenticationError(
        'ADDRESS_THROTTLED',
        'too_many_requests',
        'Quá nhiều lần đăng nhập sai từ địa chỉ này; vui lòng thử lại sau.',
        { retryAfter: blocked.toISOString() },
      );
    try {
      const { session, account } = await this.accounts.signIn(
        body.username,
        body.password,
        address,
        request.header('user-agent') ?? '',
      );
      response.setHeader('Set-Cookie', sessionCookie(session.secret, session.expiresAt, this.secure(request)));
      return {
        account: accountJson(account),
        csrfToken: session.csrfToken,
        sessionId: session.sessionId,
        expiresAt: session.expiresAt.toISOString(),
      };
    } catch (error) {
      if (error instanceof AuthenticationError && this.throttle.fail(address)) {
        await recordAddressThrottled(
          this.store,
          address,
          this.throttle.maxFailures,
          this.throttle.blockedUntil(address) as Date,
        );
      }
      throw error;
    }
  }

  @Get()
  @OpenBeforePasswordChange()
  @ApiOperation({ summary: 'Who is signed in (and the CSRF token of the session)' })
  @ApiErrors(400, 401)
  async current(@CurrentPrincipal() principal: Principal) {
    const account = await this.accounts.view(principal.subject);
    const { csrfToken } = principal;
    return {
      ...principalJson(principal),
      mustChangePassword: account.mustChangePassword,
      ...(csrfToken ? { csrfToken } : {}),
    };
  }

  @Delete()
  @HttpCode(204)
  @OpenBeforePasswordChange()
  @ApiOperation({ summary: 'Sign out: ends this session and clears the cookie' })
  @ApiErrors(400, 401, 403)
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (principal.sessionId)
      await this.accounts.endSession(principal.subject, principal.sessionId, 'sign-out', actorOf(principal));
    response.setHeader('Set-Cookie', clearedSessionCookie(this.secure(request)));
  }

  @Get('all')
  @ApiOperation({ summary: "The signed-in person's live sessions" })
  @ApiErrors(400, 401)
  async sessions(@CurrentPrincipal() principal: Principal) {
    return (await this.accounts.sessions.listLive(principal.subject)).map((s) => sessionJson(s, principal.sessionId));
  }

  @Delete('all/:sessionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends one of your own sessions (another browser, a lost phone)' })
  @ApiErrors(400, 401, 403, 404)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<void> {
    if (!(await this.accounts.endSession(principal.subject, sessionId, 'revoked', actorOf(principal))))
      throw new AuthenticationError('SESSION_NOT_FOUND', 'not_found', 'Không có phiên này.');
  }

  @Put('password')
  @HttpCode(204)
  @OpenBeforePasswordChange()
  @ApiOperation({ summary: 'Change your password: every other session of yours ends' })
  @ApiErrors(400, 401, 403)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.accounts.changePassword(principal.subject, body.currentPassword, body.newPassword, principal.sessionId);
  }

  /** Secure cookies behind TLS: the request came over https (directly or as the proxy says), or PUBLIC_URL is https. */
  private secure(request: Request): boolean {
    return request.secure || this.config.auth.publicUrl?.startsWith('https:') === true;
  }
}

export const actorOf = (principal: Principal) => ({ actor: principal.subject, actorName: principal.name });
