import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Body/query validation: unknown fields rejected; a 400 names each bad field and the rule it broke. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const list = flatten(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: list.map((e) => e.message).join('; '),
        errors: list,
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; rule: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : message.replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
