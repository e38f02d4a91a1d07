import { ApplicationError } from '@app/platform';

/** The same refusal as the figures of a unit the caller may not see. */
export const unitNotAllowed = (unitId: string): ApplicationError =>
  new ApplicationError(403, 'UNIT_NOT_ALLOWED', `Bạn không được xem hồ sơ của đơn vị: ${unitId}.`, {
    units: [unitId],
  });

export const liveStopping = (): ApplicationError =>
  new ApplicationError(503, 'SHUTTING_DOWN', 'Máy chủ đang dừng; trình duyệt sẽ tự kết nối lại sau ít giây.');
