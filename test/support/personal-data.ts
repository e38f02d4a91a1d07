/**
 * Synthetic applicants (Vietnamese names with diacritics, CCCD numbers of 12 digits, phones as people type them) and
 * a grep for their personal values in whatever a test collects: Kafka messages, a process's output, an error body.
 */

/** The applicant of a receipt, as a client sends it (POST /api/v1/dossiers `applicant`). */
export interface ApplicantInput {
  kind: 'citizen' | 'organisation';
  fullName: string;
  idDocument: { kind: 'cccd' | 'cmnd' | 'passport' | 'tax_code'; number: string };
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: { province: string; locality: string; street: string };
  returnByPost?: { deliveryAddress: { province: string; locality: string; street: string } };
}

/** A value to look for: `fold` compares without case and diacritics (NFC, NFD, stripped: all found). */
export interface Needle {
  label: string;
  text: string;
  match: 'exact' | 'ignoreCase' | 'fold';
}

const HUE = 'Thừa Thiên Huế';

/** Valid applicants: each one's values are distinct from the others' and from anything else a test sends. */
export const APPLICANTS = {
  yen: {
    kind: 'citizen',
    fullName: 'Tôn Nữ Thị Hoàng Yến',
    idDocument: { kind: 'cccd', number: '046301004567' },
    dateOfBirth: '2001-03-08',
    phone: '+84 935 246 810',
    email: 'hoangyen.ton@example.vn',
    address: { province: HUE, locality: 'Phường Thuận Thành, Thành phố Huế', street: '27 Đinh Tiên Hoàng' },
    returnByPost: {
      deliveryAddress: { province: HUE, locality: 'Phường Tây Lộc, Thành phố Huế', street: '14 Nhật Lệ' },
    },
  },
  thinh: {
    kind: 'citizen',
    fullName: 'Phạm Đức Thịnh',
    idDocument: { kind: 'cccd', number: '046085007788' },
    dateOfBirth: '1985-11-23',
    phone: '0234 3821 456',
    email: 'thinh.pham85@example.vn',
    address: { province: HUE, locality: 'Thị xã Hương Thủy', street: '9 Sóng Hồng' },
  },
  // sent in NFD (decomposed, as some keyboards and copies from PDF give it): the app stores it in NFC
  han: {
    kind: 'citizen',
    fullName: 'Lê Thị Ngọc Hân'.normalize('NFD'),
    idDocument: { kind: 'cccd', number: '046192012345' },
    phone: '0775.123.987',
    email: 'NgocHan.Le@Example.VN',
  },
  long: {
    kind: 'citizen',
    fullName: 'Nguyễn Phước Bửu Long',
    idDocument: { kind: 'cccd', number: '046078031415' },
    phone: '84 868 314 159',
    email: 'buulong.nguyenphuoc@example.vn',
    address: { province: HUE, locality: 'Phường Vĩ Dạ, Thành phố Huế', street: '66 Nguyễn Sinh Cung' },
  },
  htx: {
    kind: 'organisation',
    fullName: 'Hợp tác xã Nông nghiệp Thủy Dương',
    idDocument: { kind: 'tax_code', number: '3301234567' },
    phone: '0398 765 432',
    email: 'htx.thuyduong@example.vn',
  },
} satisfies Record<string, ApplicantInput>;

/** Without case and diacritics (đ → d): 'Tôn Nữ Thị Hoàng Yến' → 'ton nu thi hoang yen'. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The national significant number of a phone as typed: '+84 935 246 810' → '935246810'. */
export function significantDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? digits.slice(2) : digits.replace(/^0/, '');
}

/**
 * What must never be found in clear about this applicant: the name (NFC, NFD, and without case and diacritics), the
 * ID number, the phone (as typed and its digits without 0/+84), the e-mail and its local part, the date of birth, the
 * streets.
 */
export function needlesOf(applicant: ApplicantInput): Needle[] {
  const name = applicant.fullName.normalize('NFC');
  const needles: Needle[] = [
    { label: `name (NFC) ${name}`, text: name, match: 'exact' },
    { label: `name (NFD) ${name}`, text: name.normalize('NFD'), match: 'exact' },
    { label: `name (folded) ${fold(name)}`, text: fold(name), match: 'fold' },
    { label: `ID number ${applicant.idDocument.number}`, text: applicant.idDocument.number, match: 'exact' },
  ];
  if (applicant.phone !== undefined) {
    needles.push({ label: `phone ${applicant.phone}`, text: applicant.phone, match: 'exact' });
    const digits = significantDigits(applicant.phone);
    needles.push({ label: `phone digits ${digits}`, text: digits, match: 'exact' });
  }
  if (applicant.email !== undefined) {
    needles.push({ label: `e-mail ${applicant.email}`, text: applicant.email, match: 'ignoreCase' });
    const local = applicant.email.split('@')[0] ?? '';
    needles.push({ label: `e-mail local part ${local}`, text: local, match: 'ignoreCase' });
  }
  if (applicant.dateOfBirth !== undefined)
    needles.push({ label: `date of birth ${applicant.dateOfBirth}`, text: applicant.dateOfBirth, match: 'exact' });
  for (const street of [applicant.address?.street, applicant.returnByPost?.deliveryAddress.street])
    if (street !== undefined) needles.push({ label: `street ${street}`, text: fold(street), match: 'fold' });
  return needles;
}

/**
 * Every needle found in `haystack`, as `label … context …` lines (empty when none). The text is searched as given,
 * lower-cased, and folded; also without terminal colour codes, and with JSON escapes undone (`\u1ec5` → `ễ`).
 */
export function findNeedles(haystack: string, needles: readonly Needle[]): string[] {
  const plain = haystack.replace(ANSI_ESCAPE, '');
  const variants = [haystack, plain, unescapeJson(plain)].filter((v, i, all) => all.indexOf(v) === i);
  const hits: string[] = [];
  for (const text of variants) {
    const lower = text.toLowerCase();
    const folded = fold(text);
    for (const needle of needles) {
      const [where, what] =
        needle.match === 'exact'
          ? [text, needle.text]
          : needle.match === 'ignoreCase'
            ? [lower, needle.text.toLowerCase()]
            : [folded, fold(needle.text)];
      const at = where.indexOf(what);
      if (at < 0) continue;
      const line = `${needle.label} … ${JSON.stringify(where.slice(Math.max(0, at - 60), at + what.length + 60))}`;
      if (!hits.includes(line)) hits.push(line);
    }
  }
  return hits;
}

// eslint-disable-next-line no-control-regex -- the ESC of a terminal's colour codes (Nest colours its log lines)
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

/** `\uXXXX` escapes (as a JSON encoder may write non-ASCII text) turned back into the characters. */
function unescapeJson(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
