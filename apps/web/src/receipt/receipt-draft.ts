/** What the clerk has typed on the receipt form, before it becomes the request body of POST /api/v1/dossiers. */
export type Channel = 'counter' | 'online' | 'postal';
export type ApplicantKind = 'citizen' | 'organisation';
export type IdDocumentKind = 'cccd' | 'cmnd' | 'passport' | 'tax_code';

export interface AddressDraft {
  province: string;
  locality: string;
  street: string;
}

export interface ReceiptDraft {
  procedureCode: string | null;
  channel: Channel;
  kind: ApplicantKind;
  fullName: string;
  idKind: IdDocumentKind;
  idNumber: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  address: AddressDraft;
  returnByPost: boolean;
  delivery: AddressDraft;
}

const emptyAddress = (): AddressDraft => ({ province: '', locality: '', street: '' });

export const emptyDraft = (): ReceiptDraft => ({
  procedureCode: null,
  channel: 'counter',
  kind: 'citizen',
  fullName: '',
  idKind: 'cccd',
  idNumber: '',
  dateOfBirth: '',
  phone: '',
  email: '',
  address: emptyAddress(),
  returnByPost: false,
  delivery: emptyAddress(),
});

/** The request's field paths (as the server names them in a 400's `errors[].field`). */
export const FIELD = {
  procedureCode: 'procedureCode',
  channel: 'channel',
  kind: 'applicant.kind',
  fullName: 'applicant.fullName',
  idKind: 'applicant.idDocument.kind',
  idNumber: 'applicant.idDocument.number',
  dateOfBirth: 'applicant.dateOfBirth',
  phone: 'applicant.phone',
  email: 'applicant.email',
  address: 'applicant.address',
  delivery: 'applicant.returnByPost.deliveryAddress',
} as const;

/** The DOM id of a field's input, from its path: `applicant.idDocument.number` → `f-applicant-idDocument-number`. */
export const fieldId = (path: string): string => `f-${path.replace(/\./g, '-')}`;

export const isAddressEmpty = (a: AddressDraft): boolean =>
  !a.province.trim() && !a.locality.trim() && !a.street.trim();

/** A returning applicant's details (GET /api/v1/applicants/lookup) put into the form. */
export interface ApplicantRecord {
  kind: ApplicantKind;
  fullName: string;
  idDocument: { kind: IdDocumentKind; number: string };
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: AddressDraft;
  returnByPost?: { deliveryAddress: AddressDraft };
}

export function withApplicant(draft: ReceiptDraft, found: ApplicantRecord): ReceiptDraft {
  return {
    ...draft,
    kind: found.kind,
    fullName: found.fullName,
    idKind: found.idDocument.kind,
    idNumber: found.idDocument.number,
    dateOfBirth: found.dateOfBirth ?? '',
    phone: found.phone ?? '',
    email: found.email ?? '',
    address: found.address ? { ...found.address } : emptyAddress(),
    returnByPost: found.returnByPost !== undefined,
    delivery: found.returnByPost ? { ...found.returnByPost.deliveryAddress } : emptyAddress(),
  };
}
