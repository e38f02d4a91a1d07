import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ApiErrors } from '@app/platform';
import { REFERENCE_KINDS } from '@app/reference-data';

/** The `{id}` of /dossiers/{id}/…: a dossier id (UUID), as the receipt answered it. */
export const ApiDossierId = (): MethodDecorator & ClassDecorator =>
  ApiParam({ name: 'id', format: 'uuid', description: 'The dossier id (from the receipt)' });

/** A command on a dossier: its id, and every error a command can answer. */
export const ApiDossierCommand = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiDossierId(), ApiErrors(400, 401, 403, 404, 409, 412, 413, 415, 422));

/** A receipt: a command without a dossier yet (no If-Match); 409 when the day's codes are all issued. */
export const ApiReceiptCommand = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiErrors(400, 401, 403, 404, 409, 413, 415, 422));

/** A read of one dossier. */
export const ApiDossierRead = (): MethodDecorator => applyDecorators(ApiErrors(400, 401, 404));

/** The `{kind}` of /reference/{kind}. */
export const ApiReferenceKind = (): MethodDecorator & ClassDecorator =>
  ApiParam({ name: 'kind', enum: REFERENCE_KINDS, description: 'Which reference data' });

const ON_A_DOSSIER = {
  DossiersController: ['get', 'history'],
  DossierLifecycleController: [
    'transfer',
    'requestSupplement',
    'receiveSupplement',
    'requestFinancialObligation',
    'fulfilFinancialObligation',
    'reschedule',
    'recordResult',
    'returnResult',
    'withdraw',
    'stop',
    'correct',
  ],
};

/** OpenAPI links from a receipt's answer to every operation on that dossier (clients and schemathesis follow them). */
export const RECEIPT_LINKS = Object.fromEntries(
  Object.entries(ON_A_DOSSIER).flatMap(([controller, methods]) =>
    methods.map((method) => [
      method,
      { operationId: `${controller}_${method}`, parameters: { id: '$response.body#/id' } },
    ]),
  ),
);
