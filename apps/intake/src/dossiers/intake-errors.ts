import { ApplicationError } from '@app/platform';

/** Intake's errors, each with its HTTP status and a sentence a clerk understands. */
export const dossierNotFound = (id: string): ApplicationError =>
  new ApplicationError(404, 'DOSSIER_NOT_FOUND', `Không tìm thấy hồ sơ ${id}.`);
export const unitNotFound = (field: string, id: string): ApplicationError =>
  new ApplicationError(
    404,
    'UNIT_NOT_FOUND',
    `${field}: không có đơn vị "${id}" trong danh mục tại thời điểm tiếp nhận.`,
    { field },
  );
export const procedureNotFound = (code: string): ApplicationError =>
  new ApplicationError(
    404,
    'PROCEDURE_NOT_FOUND',
    `procedureCode: không có thủ tục "${code}" trong danh mục tại thời điểm tiếp nhận.`,
    {
      field: 'procedureCode',
    },
  );
export const notYourUnit = (unitId: string): ApplicationError =>
  new ApplicationError(403, 'UNIT_NOT_ALLOWED', `Bạn không được thao tác cho đơn vị "${unitId}".`);
export const dailySequenceExhausted = (unitId: string, day: string, last: number): ApplicationError =>
  new ApplicationError(
    409,
    'DAILY_SEQUENCE_EXHAUSTED',
    `Đơn vị "${unitId}" đã cấp hết ${last} số thứ tự hồ sơ của ngày ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} (mã hồ sơ có 4 chữ số thứ tự); hồ sơ chưa được ghi nhận. Báo quản trị hệ thống.`,
    { field: 'receivingUnitId', unitId, day },
  );
export const invalidField = (field: string, rule: string, message: string): ApplicationError =>
  new ApplicationError(400, 'VALIDATION_FAILED', message, { errors: [{ field, rule, message }] });
