import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { AccountsService } from '../accounts.service';
import { actorOf } from './session.controller';
import { accountJson, historyJson, sessionJson, tokenJson } from './account-views';
import { DisableAccountDto, EndGrantDto, GrantDto, IssueServiceTokenDto, RegisterAccountDto } from './account.dto';

/**
 * Staff and service accounts, for administrators (auditors read them and their history). Every change is an event
 * of the account's stream, recorded with the administrator who made it.
 */
@ApiTags('accounts')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Every account, with its grants' })
  @ApiErrors(400, 401, 403)
  async list() {
    return (await this.accounts.list()).map(accountJson);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Registers an account (a person, or a service for tokens), with its first grants' })
  @ApiErrors(400, 401, 403, 409)
  async register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterAccountDto) {
    const { account, password } = await this.accounts.register(body, actorOf(principal));
    return { account: accountJson(account), ...(password ? { oneTimePassword: password } : {}) };
  }

  @Get(':username')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'One account' })
  @ApiErrors(400, 401, 403, 404)
  async show(@Param('username') username: string) {
    return accountJson(await this.accounts.view(username));
  }

  @Get(':username/history')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: "The account's events: grants, passwords set, sign-ins, failures, locks, who did what" })
  @ApiErrors(400, 401, 403, 404)
  async history(@Param('username') username: string) {
    return (await this.accounts.history(username)).map(historyJson);
  }

  @Post(':username/grants')
  @Roles('admin')
  @ApiOperation({ summary: 'Grants a role for a unit from a date (the unit must be in the registry then)' })
  @ApiErrors(400, 401, 403, 404)
  async grant(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: GrantDto) {
    return accountJson(await this.accounts.grant(username, body, actorOf(principal)));
  }

  @Post(':username/grants/:grantId/end')
  @Roles('admin')
  @ApiOperation({ summary: 'Ends a grant on a date (default today): a move to another unit, a role given up' })
  @ApiErrors(400, 401, 403, 404)
  async endGrant(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Param('grantId', new ParseUUIDPipe()) grantId: string,
    @Body() body: EndGrantDto,
  ) {
    return accountJson(await this.accounts.revoke(username, grantId, body.effectiveOn, actorOf(principal)));
  }

  @Post(':username/disable')
  @Roles('admin')
  @ApiOperation({ summary: 'Disables the account: its sessions end, its tokens stop working' })
  @ApiErrors(400, 401, 403, 404, 409)
  async disable(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Body() body: DisableAccountDto,
  ) {
    return accountJson(await this.accounts.disable(username, body.reason, actorOf(principal)));
  }

  @Post(':username/enable')
  @Roles('admin')
  @ApiOperation({ summary: 'Enables a disabled account' })
  @ApiErrors(400, 401, 403, 404, 409)
  async enable(@CurrentPrincipal() principal: Principal, @Param('username') username: string) {
    return accountJson(await this.accounts.enable(username, actorOf(principal)));
  }

  @Post(':username/unlock')
  @Roles('admin')
  @ApiOperation({ summary: 'Lifts a lock-out after failed sign-ins' })
  @ApiErrors(400, 401, 403, 404)
  async unlock(@CurrentPrincipal() principal: Principal, @Param('username') username: string) {
    return accountJson(await this.accounts.unlock(username, actorOf(principal)));
  }

  @Post(':username/password-reset')
  @Roles('admin')
  @ApiOperation({ summary: 'A one-time password, shown once (to change at first sign-in); every session ends' })
  @ApiErrors(400, 401, 403, 404)
  async resetPassword(@CurrentPrincipal() principal: Principal, @Param('username') username: string) {
    return { oneTimePassword: await this.accounts.resetPassword(username, actorOf(principal)) };
  }

  @Get(':username/sessions')
  @Roles('admin')
  @ApiOperation({ summary: "The account's live sessions" })
  @ApiErrors(400, 401, 403, 404)
  async sessions(@Param('username') username: string) {
    const account = await this.accounts.view(username);
    return (await this.accounts.sessions.listLive(account.accountId)).map((s) => sessionJson(s));
  }

  @Delete(':username/sessions/:sessionId')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Revokes one session of the account' })
  @ApiErrors(400, 401, 403, 404)
  async revokeSession(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<void> {
    const account = await this.accounts.view(username);
    await this.accounts.endSession(account.accountId, sessionId, 'revoked', actorOf(principal));
  }

  @Get(':username/tokens')
  @Roles('admin')
  @ApiOperation({ summary: "A service account's tokens (never the secrets)" })
  @ApiErrors(400, 401, 403, 404)
  async tokens(@Param('username') username: string) {
    const account = await this.accounts.view(username);
    return (await this.accounts.serviceTokens.list(account.accountId)).map(tokenJson);
  }

  @Post(':username/tokens')
  @Roles('admin')
  @ApiOperation({ summary: 'Issues a bearer token to a service account, scoped and expiring; the token is shown once' })
  @ApiErrors(400, 401, 403, 404)
  async issueToken(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Body() body: IssueServiceTokenDto,
  ) {
    const { token, row } = await this.accounts.issueServiceToken(username, body, actorOf(principal));
    return { token, ...tokenJson(row) };
  }

  @Delete(':username/tokens/:tokenId')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Revokes a service token' })
  @ApiErrors(400, 401, 403, 404)
  async revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Param('tokenId', new ParseUUIDPipe()) tokenId: string,
  ): Promise<void> {
    await this.accounts.revokeServiceToken(username, tokenId, actorOf(principal));
  }
}
