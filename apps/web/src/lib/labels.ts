/** The Vietnamese words the desk shows for the API's codes. */
export const STATUS_LABELS: Record<string, string> = {
  in_progress: 'Đang giải quyết',
  awaiting_supplement: 'Chờ bổ sung hồ sơ',
  awaiting_financial_obligation: 'Chờ thực hiện nghĩa vụ tài chính',
  resolved: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng xử lý',
  refused_at_receipt: 'Từ chối tiếp nhận',
};

export const CHANNEL_LABELS: Record<string, string> = {
  counter: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
};

export const ROLE_LABELS: Record<string, string> = {
  clerk: 'Cán bộ tiếp nhận',
  supervisor: 'Lãnh đạo bộ phận',
  director: 'Lãnh đạo đơn vị',
  auditor: 'Kiểm tra viên',
  admin: 'Quản trị viên',
};

export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status;
export const channelLabel = (channel: string): string => CHANNEL_LABELS[channel] ?? channel;
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;
