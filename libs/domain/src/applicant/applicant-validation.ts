import { isLocalDate } from '../time/local-date';
import type { ApplicantDetails, IdDocumentKind, PostalAddress } from './applicant';

export interface ApplicantProblem {
  field: string;
  rule: string;
  message: string;
}

const ID_RULES: Record<IdDocumentKind, { pattern: RegExp; message: string }> = {
  cccd: { pattern: /^\d{12}$/, message: 'Số CCCD gồm đúng 12 chữ số.' },
  cmnd: { pattern: /^(\d{9}|\d{12})$/, message: 'Số CMND gồm 9 hoặc 12 chữ số.' },
  passport: {
    pattern: /^[A-Z][0-9]{7,8}$|^[A-Z]{2}[0-9]{7}$/,
    message: 'Số hộ chiếu: 1–2 chữ cái in hoa và 7–8 chữ số.',
  },
  tax_code: {
    pattern: /^\d{10}(-\d{3})?$/,
    message: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.',
  },
};

/** Vietnamese mobile and fixed numbers: 0 or +84, then 9 or 10 digits (mobile 3/5/7/8/9, fixed 2…). */
const PHONE = /^(?:\+84|0)(?:[35789]\d{8}|2\d{9})$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
/** Letters of any script (Vietnamese with its diacritics), spaces, apostrophes, dots and dashes. */
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u;

/** Canonical forms: names in NFC with single spaces, phone numbers as 0…, IDs upper-case without spaces. */
export function normaliseApplicant(details: ApplicantDetails): ApplicantDetails {
  const text = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');
  const address = (a: PostalAddress): PostalAddress => ({
    province: text(a.province),
    locality: text(a.locality),
    street: text(a.street),
  });
  return {
    kind: details.kind,
    fullName: text(details.fullName),
    idDocument: { kind: details.idDocument.kind, number: details.idDocument.number.replace(/\s+/g, '').toUpperCase() },
    ...(details.dateOfBirth !== undefined ? { dateOfBirth: details.dateOfBirth } : {}),
    ...(details.phone !== undefined ? { phone: normalisePhone(details.phone) } : {}),
    ...(details.email !== undefined ? { email: details.email.trim().toLowerCase() } : {}),
    ...(details.address !== undefined ? { address: address(details.address) } : {}),
    ...(details.returnByPost !== undefined
      ? { returnByPost: { deliveryAddress: address(details.returnByPost.deliveryAddress) } }
      : {}),
  };
}

export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '');
  return digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
}

/** Every problem of the (normalised) details, each naming its field (`applicant.phone`) and rule. */
export function applicantProblems(d: ApplicantDetails, today: string, prefix = 'applicant'): ApplicantProblem[] {
  const problems: ApplicantProblem[] = [];
  const add = (field: string, rule: string, message: string) =>
    problems.push({ field: `${prefix}.${field}`, rule, message });
  if (d.kind !== 'citizen' && d.kind !== 'organisation')
    add('kind', 'isIn', 'Loại người nộp là citizen (công dân) hoặc organisation (tổ chức).');
  if (d.fullName.length < 2 || d.fullName.length > 200)
    add('fullName', 'length', 'Họ tên (tên tổ chức) dài 2–200 ký tự.');
  else if (d.kind === 'citizen' && !PERSON_NAME.test(d.fullName))
    add('fullName', 'personName', 'Họ tên chỉ gồm chữ cái (có dấu), khoảng trắng, dấu nháy, chấm, gạch ngang.');
  const rule = ID_RULES[d.idDocument.kind];
  if (!rule) add('idDocument.kind', 'isIn', 'Giấy tờ là cccd, cmnd, passport hoặc tax_code.');
  else if (!rule.pattern.test(d.idDocument.number)) add('idDocument.number', d.idDocument.kind, rule.message);
  if (d.kind === 'organisation' && d.idDocument.kind !== 'tax_code')
    add('idDocument.kind', 'organisationTaxCode', 'Tổ chức được xác định bằng mã số thuế (tax_code).');
  if (
    d.dateOfBirth !== undefined &&
    (!isLocalDate(d.dateOfBirth) || d.dateOfBirth > today || d.dateOfBirth < '1900-01-01')
  )
    add('dateOfBirth', 'pastDate', 'Ngày sinh là một ngày YYYY-MM-DD đã qua, từ năm 1900.');
  if (d.phone !== undefined && !PHONE.test(d.phone))
    add('phone', 'vietnamesePhone', 'Số điện thoại Việt Nam: 0 hoặc +84, rồi 9–10 chữ số (ví dụ 0912345678).');
  if (d.email !== undefined && (d.email.length > 254 || !EMAIL.test(d.email)))
    add('email', 'isEmail', 'Địa chỉ thư điện tử không hợp lệ.');
  const checkAddress = (field: string, a: PostalAddress) => {
    for (const part of ['province', 'locality', 'street'] as const)
      if (a[part].length < 1 || a[part].length > 200)
        add(`${field}.${part}`, 'length', 'Mỗi phần địa chỉ dài 1–200 ký tự.');
  };
  if (d.address) checkAddress('address', d.address);
  if (d.returnByPost) checkAddress('returnByPost.deliveryAddress', d.returnByPost.deliveryAddress);
  return problems;
}
