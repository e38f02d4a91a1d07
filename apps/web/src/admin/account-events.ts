import { roleLabel } from '../lib/labels';
import { formatDate, formatInstant } from '../lib/time';
import type { AccountEventEntry, Grant } from './types';

const FAILURES: Record<string, string> = {
  'wrong-password': 'sai mật khẩu',
  disabled: 'tài khoản đã bị khoá',
  locked: 'tài khoản đang tạm khoá',
  'no-password': 'tài khoản chưa có mật khẩu',
};

const SIGN_OUTS: Record<string, string> = {
  'sign-out': 'Đăng xuất',
  revoked: 'Phiên đăng nhập bị quản trị viên thu hồi',
  all: 'Mọi phiên đăng nhập kết thúc',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** An account's event in Vietnamese words (dates as dd/mm/yyyy, instants in local time). */
export function describeAccountEvent(
  event: AccountEventEntry,
  grants: readonly Grant[],
  unitName: (id: string) => string,
): string {
  const d = event.data;
  const unit = (id: unknown) => unitName(str(id));
  switch (event.type) {
    case 'AccountRegistered':
      return `Tạo ${d.kind === 'service' ? 'tài khoản dịch vụ' : 'tài khoản'} “${str(d.displayName)}”`;
    case 'RoleGranted':
      return `Cấp quyền ${roleLabel(str(d.role))} tại ${unit(d.unitId)}, từ ngày ${formatDate(str(d.validFrom))}${
        d.validUntil ? `, hết hiệu lực từ ngày ${formatDate(str(d.validUntil))}` : ''
      }`;
    case 'RoleRevoked': {
      const grant = grants.find((g) => g.grantId === d.grantId);
      const what = grant ? ` ${roleLabel(grant.role)} tại ${unit(grant.unitId)}` : '';
      return `Kết thúc quyền${what} từ ngày ${formatDate(str(d.effectiveOn))}`;
    }
    case 'PasswordSet':
      if (d.reason === 'changed') return 'Người dùng đổi mật khẩu';
      if (d.reason === 'reset') return 'Quản trị viên cấp lại mật khẩu dùng một lần';
      return d.mustChange ? 'Đặt mật khẩu dùng một lần (phải đổi khi đăng nhập lần đầu)' : 'Đặt mật khẩu ban đầu';
    case 'AccountDisabled':
      return `Khoá tài khoản. Lý do: ${str(d.reason)}`;
    case 'AccountEnabled':
      return 'Mở lại tài khoản';
    case 'SignedIn':
      return `Đăng nhập (${d.method === 'oidc' ? 'đăng nhập một lần' : 'mật khẩu'}) từ địa chỉ ${str(d.address)}`;
    case 'SignInFailed':
      return `Đăng nhập không thành công (${FAILURES[str(d.reason)] ?? str(d.reason)}), lần thứ ${str(
        d.failuresInARow,
      )} liên tiếp, từ địa chỉ ${str(d.address)}`;
    case 'AccountLocked':
      return `Tạm khoá do đăng nhập sai ${str(d.failuresInARow)} lần liên tiếp, đến ${formatInstant(str(d.until))}`;
    case 'AccountUnlocked':
      return 'Mở tạm khoá đăng nhập';
    case 'SignedOut':
      return SIGN_OUTS[str(d.how)] ?? 'Đăng xuất';
    case 'ExternalIdentityLinked':
      return `Gắn danh tính đăng nhập một lần (${str(d.issuer)})`;
    case 'ServiceTokenIssued':
      return `Cấp mã truy cập “${str(d.label)}”, hết hạn lúc ${formatInstant(str(d.expiresAt))}`;
    case 'ServiceTokenRevoked':
      return 'Thu hồi mã truy cập';
    default:
      return event.type;
  }
}
