/** The fixed choices of the action forms, in Vietnamese. */
export const OUTCOME_CHOICES = [
  ['approved', 'Giải quyết (chấp thuận)'],
  ['refused', 'Từ chối giải quyết'],
] as const;

export const RETURN_VIA_CHOICES = [
  ['counter', 'Trực tiếp tại Bộ phận Một cửa'],
  ['postal', 'Qua dịch vụ bưu chính công ích'],
  ['online', 'Trực tuyến'],
] as const;
