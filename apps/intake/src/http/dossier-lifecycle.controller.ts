import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/platform';
import { DossierCommands } from '../commands/dossier-commands';
import type { RequestContext } from '../commands/request-context';
import { DOSSIER_ACTIONS, type DossierAction } from '../dossiers/dossier-actions';
import { DossierView } from '../dossiers/dossier-view';
import { ApiDossierCommand } from './api-docs';
import { IDEMPOTENCY_HEADER } from './dossiers.controller';
import { CommandContext } from './request-context.decorator';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The dossier version you saw: 412 if it changed since',
};

/**
 * One endpoint per row of DOSSIER_ACTIONS (POST /dossiers/{id}/{path}); each answers with the dossier's new state.
 * ApiDossierCommand is applied below, once the methods exist: it documents every method the class has.
 */
@ApiTags('dossier lifecycle')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@ApiHeader(IF_MATCH)
@Controller('api/v1/dossiers/:id')
export class DossierLifecycleController {
  constructor(readonly commands: DossierCommands) {}
}

/** The route of one lifecycle action: path, roles, documentation; the body typed by the action's DTO. */
const DossierActionEndpoint = (action: DossierAction<unknown>): MethodDecorator =>
  applyDecorators(
    Post(action.path),
    HttpCode(200),
    Roles(...action.roles),
    ApiOperation({ summary: action.summary }),
    ApiOkResponse({ type: DossierView }),
  );

/**
 * Generates the controller's methods from the table, named after its keys (`transfer`, `requestSupplement`…: the
 * OpenAPI operation ids). Nest reads a method's parameter types from `design:paramtypes`, which the compiler would
 * have written for a hand-written method: written here with the action's DTO, so validation and OpenAPI see it.
 */
for (const [name, action] of Object.entries(DOSSIER_ACTIONS) as [string, DossierAction<unknown>][]) {
  const prototype = DossierLifecycleController.prototype as unknown as Record<string, unknown>;
  const route = async function (
    this: DossierLifecycleController,
    id: string,
    body: { at?: string },
    context: RequestContext,
    res: Response,
  ): Promise<DossierView> {
    const { view, replayed } = await this.commands.act(id, action as DossierAction<never>, body, context);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  };
  prototype[name] = Object.defineProperty(route, 'name', { value: name });
  Reflect.defineMetadata('design:paramtypes', [String, action.dto, Object, Object], prototype, name);
  Reflect.defineMetadata('design:returntype', Promise, prototype, name);
  Param('id', new ParseUUIDPipe())(prototype, name, 0);
  Body()(prototype, name, 1);
  CommandContext()(prototype, name, 2);
  Res({ passthrough: true })(prototype, name, 3);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
  DossierActionEndpoint(action)(prototype, name, descriptor);
}

ApiDossierCommand()(DossierLifecycleController);
