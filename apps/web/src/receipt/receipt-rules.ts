import { todayLocal } from '../lib/time';
import {
  type AddressDraft,
  type ApplicantRecord,
  FIELD,
  type IdDocumentKind,
  type ReceiptDraft,
  isAddressEmpty,
} from './receipt-draft';

/**
 * The server's rules for a receipt (libs/domain applicant-validation, receive-dossier.dto), checked in the browser
 * for instant feedback, with the same Vietnamese sentences. The server stays the judge: its 400 is shown too.
 * The desk asks a little more than the API: the applicant's name and document (the Mẫu 01 names who filed).
 */
export type FieldErrors = Record<string, string>;

export const ID_RULES: Record<IdDocumentKind, { pattern: RegExp; message: string }> = {
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

const PHONE = /^(?:\+84|0)(?:[35789]\d{8}|2\d{9})$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ');
export const normaliseIdNumber = (s: string): string => s.replace(/\s+/g, '').toUpperCase();

export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '');
  return digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
}

const address = (a: AddressDraft): AddressDraft => ({
  province: text(a.province),
  locality: text(a.locality),
  street: text(a.street),
});

/** The applicant as the API receives it: canonical forms, empty optional fields left out. */
export function applicantOf(draft: ReceiptDraft): ApplicantRecord {
  const applicant: ApplicantRecord = {
    kind: draft.kind,
    fullName: text(draft.fullName),
    idDocument: { kind: draft.idKind, number: normaliseIdNumber(draft.idNumber) },
  };
  if (draft.kind === 'citizen' && draft.dateOfBirth) applicant.dateOfBirth = draft.dateOfBirth;
  if (draft.phone.trim()) applicant.phone = normalisePhone(draft.phone);
  if (draft.email.trim()) applicant.email = draft.email.trim().toLowerCase();
  if (!isAddressEmpty(draft.address)) applicant.address = address(draft.address);
  if (draft.returnByPost) applicant.returnByPost = { deliveryAddress: address(draft.delivery) };
  return applicant;
}

/** Every problem of the draft, keyed by the field's path; empty when it may be sent. */
export function draftProblems(draft: ReceiptDraft, today = todayLocal()): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= message;
  };
  if (!draft.procedureCode) add(FIELD.procedureCode, 'Chọn thủ tục hành chính của hồ sơ.');
  const a = applicantOf(draft);
  if (!a.fullName) add(FIELD.fullName, draft.kind === 'citizen' ? 'Nhập họ và tên người nộp.' : 'Nhập tên tổ chức.');
  else if (a.fullName.length < 2 || a.fullName.length > 200)
    add(FIELD.fullName, 'Họ tên (tên tổ chức) dài 2–200 ký tự.');
  else if (a.kind === 'citizen' && !PERSON_NAME.test(a.fullName))
    add(FIELD.fullName, 'Họ tên chỉ gồm chữ cái (có dấu), khoảng trắng, dấu nháy, chấm, gạch ngang.');
  if (a.kind === 'organisation' && a.idDocument.kind !== 'tax_code')
    add(FIELD.idKind, 'Tổ chức được xác định bằng mã số thuế (tax_code).');
  const rule = ID_RULES[a.idDocument.kind];
  if (!a.idDocument.number) add(FIELD.idNumber, 'Nhập số giấy tờ.');
  else if (!rule.pattern.test(a.idDocument.number)) add(FIELD.idNumber, rule.message);
  if (
    a.dateOfBirth !== undefined &&
    (!LOCAL_DATE.test(a.dateOfBirth) || a.dateOfBirth > today || a.dateOfBirth < '1900-01-01')
  )
    add(FIELD.dateOfBirth, 'Ngày sinh là một ngày đã qua, từ năm 1900.');
  if (a.phone !== undefined && !PHONE.test(a.phone))
    add(FIELD.phone, 'Số điện thoại Việt Nam: 0 hoặc +84, rồi 9–10 chữ số (ví dụ 0912345678).');
  if (a.email !== undefined && (a.email.length > 254 || !EMAIL.test(a.email)))
    add(FIELD.email, 'Địa chỉ thư điện tử không hợp lệ.');
  const checkAddress = (path: string, given: AddressDraft | undefined, what: string) => {
    if (!given) return;
    for (const part of ['province', 'locality', 'street'] as const) {
      if (given[part].length < 1) add(`${path}.${part}`, `Nhập ${PART_LABELS[part].toLowerCase()} của ${what}.`);
      else if (given[part].length > 200) add(`${path}.${part}`, 'Mỗi phần địa chỉ dài 1–200 ký tự.');
    }
  };
  checkAddress(FIELD.address, a.address, 'địa chỉ');
  checkAddress(FIELD.delivery, a.returnByPost?.deliveryAddress, 'địa chỉ nhận kết quả');
  return errors;
}

export const PART_LABELS = {
  province: 'Tỉnh, thành phố',
  locality: 'Xã, phường, đặc khu',
  street: 'Số nhà, đường, thôn',
};

/** One field's problem, as the form shows it on blur (only that field's own rule). */
export function fieldProblem(draft: ReceiptDraft, field: string): string | undefined {
  return draftProblems(draft)[field];
}
