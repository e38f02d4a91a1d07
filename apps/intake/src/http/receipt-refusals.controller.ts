import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Roles } from '@app/platform';
import type { RequestContext } from '../commands/request-context';
import { DossierCommands, type ReceiptRefusalView } from '../commands/dossier-commands';
import { RefuseReceiptDto } from '../dto/receive-dossier.dto';
import { IDEMPOTENCY_HEADER } from './dossiers.controller';
import { CommandContext } from './request-context.decorator';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/receipt-refusals')
export class ReceiptRefusalsController {
  constructor(private readonly commands: DossierCommands) {}

  @Post()
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Refuse a dossier at receipt (Mẫu 03): recorded, not counted as received' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiErrors(400, 401, 403, 404, 413, 415, 422)
  async refuse(@Body() body: RefuseReceiptDto, @CommandContext() context: RequestContext): Promise<ReceiptRefusalView> {
    return (await this.commands.refuseReceipt(body, context)).view;
  }
}
