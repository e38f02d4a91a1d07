import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/platform';
import { type ActionDescription, describeActions } from '../dossiers/action-catalogue';

/** The lifecycle actions a client may offer, with their forms: a dossier's `allowedActions` names them by `key`. */
@ApiTags('dossier lifecycle')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/dossier-actions')
export class DossierActionsController {
  private readonly actions = describeActions();

  @Get()
  @ApiOperation({
    summary:
      'Every lifecycle action: key, route, Vietnamese label, roles, the statuses it is allowed in, its body fields',
  })
  @ApiErrors(400, 401)
  list(): ActionDescription[] {
    return this.actions;
  }
}
