import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors, CurrentPrincipal, type Principal } from '@app/platform';
import { invalidField } from '../dossiers/intake-errors';
import { unitNotAllowed } from './live-errors';
import { LiveHub } from './live-hub.service';
import { scopeOf } from './live-scope';

const POSITION = /^\d{1,15}$/;

@ApiTags('live')
@ApiBearerAuth()
@Controller('api/v1/live')
export class LiveController {
  constructor(private readonly hub: LiveHub) {}

  @Get()
  @ApiOperation({
    summary: 'Live dossier events of your units (server-sent events), resumable by global position',
    description:
      'A `text/event-stream`: first `retry: 2000` and `event: ready` `{"position": <head>}`, then for each event of a ' +
      'dossier of the units: `id: <globalPosition>`, `event: dossier`, `data: {"dossierId","code","type",' +
      '"streamPosition","globalPosition","occurredAt","recordedAt","unitIds","status"}`; `: keepalive` every 15 s. ' +
      'Without Last-Event-ID it starts at the head of the log; with it (or `after`) it sends every event after that ' +
      'position first. Authenticated by the session cookie (an EventSource sends no headers) or a bearer token; the ' +
      'stream ends when the session or token is no longer valid (checked every LIVE_CHECK_SECONDS).',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'unitId', required: false, description: 'One unit (default: every unit you may see)' })
  @ApiQuery({ name: 'after', required: false, description: 'Resume after this global position (as Last-Event-ID)' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this global position' })
  @ApiOkResponse({ description: 'The event stream (never ends on its own)' })
  @ApiErrors(400, 401, 403)
  async live(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    const unitId = unitParameter(request.query.unitId);
    const scope = scopeOf(principal, unitId);
    if (scope === 'not_allowed') throw unitNotAllowed(unitId ?? '');
    const resumeAfter = resumePosition(request);
    await this.hub.open({ request, response, scope, unitId, resumeAfter });
  }
}

function unitParameter(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 100)
    throw invalidField(
      'unitId',
      'isUnitId',
      'unitId: mã một đơn vị (1–100 ký tự), hoặc bỏ trống để xem mọi đơn vị của bạn.',
    );
  return value;
}

/** Last-Event-ID (what a browser sends when it reconnects), else `?after=`. */
function resumePosition(request: Request): number | undefined {
  const header = request.header('last-event-id');
  const [field, value] = header !== undefined ? ['Last-Event-ID', header.trim()] : ['after', request.query.after];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !POSITION.test(value))
    throw invalidField(field, 'isPosition', `${field}: một vị trí trong nhật ký sự kiện (số nguyên không âm).`);
  return Number(value);
}
