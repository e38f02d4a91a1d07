import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

class FieldErrorDoc {
  @ApiProperty({
    example: 'changes.receivingUnitId',
    description: 'The bad field: a path into the body, a query parameter or a header',
  })
  field!: string;
  @ApiProperty({ example: 'noNulCharacter', description: 'The rule it broke' })
  rule!: string;
  @ApiProperty({ example: 'changes.receivingUnitId must not contain a NUL character (\\u0000)' })
  message!: string;
}

/** Every error answer: `{ statusCode, code, message }`, and for a 400 the list of bad fields. Never a stack trace. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: "The module's error code" }) code!: string;
  @ApiProperty({ example: 'reason should not be empty', description: 'A sentence for the user' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDoc] }) errors?: FieldErrorDoc[];
}

const MEANING = {
  400: 'Bad input: the body, a parameter or a header breaks a rule (`errors` names each field and rule), malformed or too deeply nested JSON',
  401: 'No bearer token, or an invalid or expired one',
  403: 'The role or the units of the token do not allow this',
  404: 'No such dossier, unit or procedure (or one the caller may not see)',
  409: 'Not allowed in the current state (the domain code says why), or a concurrent change',
  412: 'If-Match: the dossier changed since that version',
  413: 'The body is over the size limit (100 KB; 20 MB for a reference-data upload)',
  415: 'The body is not JSON in UTF-8',
  422: 'The Idempotency-Key was already used for a different request',
  429: 'Too many failed sign-ins: the account is locked for a while, or the address is throttled',
} as const;

export type ErrorStatus = keyof typeof MEANING;

/** Documents the error answers an operation (or every operation of a controller) can give, with their shape. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorResponse })),
  );
}
