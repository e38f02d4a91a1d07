import type { ApplicantKind, LocalDate, Outcome } from '@app/domain';

/** The steps a citizen is told about (DOMAIN.md § Dossier lifecycle). */
export type NotificationKind = 'received' | 'supplement-requested' | 'result-ready' | 'rescheduled';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'received',
  'supplement-requested',
  'result-ready',
  'rescheduled',
];

/**
 * What a notification says, as stored with it (nothing personal: the dossier's code, dates, the agency's reasons).
 * The applicant's name and address are added only when it is sent, from their sealed details.
 */
export type NotificationContent =
  | { kind: 'received'; code: string; procedureCode: string; receivedOn: LocalDate; dueDate: LocalDate | null }
  | { kind: 'supplement-requested'; code: string; requestedOn: LocalDate; reason: string; documents: string[] }
  | { kind: 'result-ready'; code: string; outcome: Outcome }
  | {
      kind: 'rescheduled';
      code: string;
      previousDueDate: LocalDate | null;
      newAppointmentDate: LocalDate;
      reason: string;
    };

/** Who it is sent to, as far as the wording goes (opened from the sealed details at send time). */
export interface Addressee {
  kind: ApplicantKind;
  fullName: string;
  /** The result goes back by public postal service (the applicant asked for it at receipt). */
  returnByPost: boolean;
}

/** An e-mail (subject and plain-text body) and the SMS of the same step. */
export interface RenderedNotification {
  subject: string;
  text: string;
  sms: string;
}

/** 'Kính gửi ông/bà Nguyễn Văn An,' for a person; the organisation's name alone for an organisation. */
export function greeting(to: Addressee): string {
  return to.kind === 'organisation' ? `Kính gửi ${to.fullName},` : `Kính gửi ông/bà ${to.fullName},`;
}

/** How the applicant is named inside a sentence. */
export function you(to: Addressee): string {
  return to.kind === 'organisation' ? 'Quý cơ quan, tổ chức' : 'Ông/bà';
}

export const SIGNATURE = [
  'Trân trọng,',
  'Bộ phận Tiếp nhận và Trả kết quả',
  '',
  'Thư này được gửi tự động, xin đừng trả lời thư này.',
].join('\n');

/** The body: greeting, paragraphs, signature; lines end with \n. */
export function body(to: Addressee, paragraphs: readonly string[]): string {
  return `${[greeting(to), '', ...paragraphs.flatMap((p) => [p, '']), SIGNATURE].join('\n')}\n`;
}
