import { ApplicationError } from '@app/platform';
import { ReportParameterError } from '@app/reports';

/** A bad report parameter: 400 in the validation-error shape, naming the parameter. */
export function badParameter(error: ReportParameterError): ApplicationError {
  return new ApplicationError(400, 'VALIDATION_FAILED', error.message, { errors: [{ field: error.parameter, rule: 'invalid_report_parameter', message: error.message }] });
}

export function unitsNotAllowed(units: readonly string[]): ApplicationError {
  return new ApplicationError(403, 'UNIT_NOT_ALLOWED', `Bạn không được xem số liệu của đơn vị: ${units.join(', ')}.`, { units });
}

export function asApplicationError(error: unknown): unknown {
  return error instanceof ReportParameterError ? badParameter(error) : error;
}
