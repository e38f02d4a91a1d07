import { ApplicationError } from '@app/platform';

export function unitsNotAllowed(units: readonly string[]): ApplicationError {
  return new ApplicationError(403, 'UNIT_NOT_ALLOWED', `Bạn không được xem số liệu của đơn vị: ${units.join(', ')}.`, {
    units,
  });
}
