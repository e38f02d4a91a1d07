import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, type Principal, Roles } from '@app/platform';
import { AccountsService } from '../accounts.service';
import { actorOf } from '../http/session.controller';
import { LinkIdentityDto } from './identity.dto';
import { IdentityLinker } from './identity-linker';
import { IdentityStore, type LinkedIdentity } from './identity-store';

const identityJson = (username: string, i: LinkedIdentity) => ({
  username,
  issuer: i.issuer,
  subject: i.subject,
  linkedAt: i.linkedAt.toISOString(),
});

/** An account's single sign-on identities: administrators link them (the link is an event of the account). */
@ApiTags('accounts')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('api/v1/accounts')
export class IdentitiesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly identities: IdentityStore,
    private readonly linker: IdentityLinker,
  ) {}

  @Get(':username/identities')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: "The account's single sign-on identities (issuer, subject)" })
  @ApiErrors(400, 401, 403, 404)
  async list(@Param('username') username: string) {
    const account = await this.accounts.view(username);
    return (await this.identities.listFor(account.accountId)).map((i) => identityJson(account.username, i));
  }

  @Post(':username/identities')
  @Roles('admin')
  @ApiOperation({ summary: "Links a provider's subject to the account: that person then signs in with single sign-on" })
  @ApiErrors(400, 401, 403, 404, 409)
  async link(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Body() body: LinkIdentityDto,
  ) {
    const linked = await this.linker.link(username, body.issuer, body.subject, actorOf(principal));
    return identityJson(linked.accountId, linked);
  }
}
