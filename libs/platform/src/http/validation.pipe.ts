import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, findUnsafeText } from './unsafe-text';

/**
 * Body/query/parameter validation for every route: first every text is checked for what PostgreSQL cannot store
 * (NUL, lone surrogates — whatever the DTO, so the next DTO cannot forget it), then the DTO's own rules; unknown
 * fields are refused. A 400 names each bad field and the rule it broke.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeText(value, metadata.data ?? '');
      if (unsafe.length > 0) throw validationFailed(unsafe);
    }
    return super.transform(value, metadata);
  }
}

export function validationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => validationFailed(flatten(errors)),
  });
}

/** The 400 every validation failure answers: `{ code: 'VALIDATION_FAILED', message, errors: [{ field, rule, message }] }`. */
export function validationFailed(list: FieldError[]): BadRequestException {
  return new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: list.map((e) => e.message).join('; '),
    errors: list,
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
      message:
        rule === 'whitelistValidation' ? `${field} is not a known field` : message.replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
