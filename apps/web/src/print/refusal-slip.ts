/**
 * Mẫu 03 for a refusal at receipt. A refused receipt has no dossier (it is its own stream, never counted as
 * received) and the API has no GET for it; the receipt screen holds the answer of POST /api/v1/receipt-refusals
 * and the applicant it typed (never stored with the refusal). It keeps both in this tab's sessionStorage (gone with
 * the tab; nothing goes into a URL or the server's logs) and opens /receipt-refusals/<id>/print, which prints from it.
 */
import type { ApplicantDetails } from '../api/types';

/** The answer of POST /api/v1/receipt-refusals. */
export interface ReceiptRefusal {
  id: string;
  procedureCode: string;
  receivingUnitId: string;
  channel: string;
  reason: string;
  refusedAt: string;
}

export interface RefusalSlip {
  refusal: ReceiptRefusal;
  applicant?: ApplicantDetails;
  /** The clerk's display name, for the signature. */
  clerkName?: string;
}

const key = (id: string): string => `dossier-desk.refusal.${id}`;

export const refusalPrintPath = (refusalId: string): string =>
  `/receipt-refusals/${encodeURIComponent(refusalId)}/print`;

/** Keeps the slip for printing and returns the path to open (in this tab: `navigate(path)`). */
export function keepRefusalForPrint(slip: RefusalSlip): string {
  sessionStorage.setItem(key(slip.refusal.id), JSON.stringify(slip));
  return refusalPrintPath(slip.refusal.id);
}

export function refusalForPrint(refusalId: string): RefusalSlip | undefined {
  const text = sessionStorage.getItem(key(refusalId));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as RefusalSlip;
  } catch {
    return undefined;
  }
}
