import { normalisePhone } from '@app/domain';

/** What a search text may be, each looked up its own way; a text may be several at once (a CMND is 9 digits…). */
export interface QueueSearch {
  /** The start of a dossier code (codes are upper case: `000.00.01.H57-261126-0001`). */
  codePrefix?: string;
  /** Identity documents to look up in the applicants' blind index (exact, normalised as at receipt). */
  identities: { idKind: 'cccd' | 'cmnd' | 'passport' | 'tax_code'; idNumber: string }[];
  /** A phone number (normalised as at receipt), for the blind index. */
  phone?: string;
  /** Part of a name (the applicants' name search ignores case and diacritics). */
  name?: string;
}

const CODE_CHARACTERS = /^[0-9A-Z.-]+$/;

/**
 * What a clerk typed, read as everything it could be: a dossier code or its start; an ID number (CCCD 12 digits,
 * CMND 9 or 12, tax code 10 or 13 with an optional `-NNN` branch, passport a letter and 7–8 digits); a phone number
 * (0 and 9–10 digits, `+84`/`84` forms and separators allowed); a name (letters and spaces, 2 or more letters).
 * Null when it is none of them.
 */
export function parseQueueSearch(text: string): QueueSearch | null {
  const q = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (q.length === 0) return null;
  const search: QueueSearch = { identities: [] };
  const compact = q.replace(/\s+/g, '').toUpperCase();
  if (CODE_CHARACTERS.test(compact) && /[0-9.-]/.test(compact)) search.codePrefix = compact;
  if (/^\d{12}$/.test(compact)) search.identities.push({ idKind: 'cccd', idNumber: compact });
  if (/^(\d{9}|\d{12})$/.test(compact)) search.identities.push({ idKind: 'cmnd', idNumber: compact });
  if (/^(\d{10}|\d{13}|\d{10}-\d{3})$/.test(compact)) search.identities.push({ idKind: 'tax_code', idNumber: compact });
  if (/^[A-Z]\d{7,8}$/.test(compact)) search.identities.push({ idKind: 'passport', idNumber: compact });
  if (/^\+?[\d\s.()-]+$/.test(q)) {
    const phone = normalisePhone(q);
    if (/^0\d{9,10}$/.test(phone)) search.phone = phone;
  }
  if (/^[\p{L}\p{M}\s'.-]+$/u.test(q) && (q.match(/\p{L}/gu)?.length ?? 0) >= 2) {
    search.name = q;
    if (CODE_CHARACTERS.test(compact)) search.codePrefix = compact; // a code's unit part has letters (H57)
  }
  const found =
    search.codePrefix !== undefined ||
    search.identities.length > 0 ||
    search.phone !== undefined ||
    search.name !== undefined;
  return found ? search : null;
}
