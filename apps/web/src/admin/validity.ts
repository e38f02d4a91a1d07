import { roleLabel } from '../lib/labels';
import { formatDate, todayLocal } from '../lib/time';
import type { Grant } from './types';

export const EVERY_UNIT = '*';
export const EVERY_UNIT_LABEL = 'Tất cả đơn vị';

/** In force on `day`: from validFrom (inclusive) until validTo / validUntil (exclusive). */
export function inForce(from: string, until: string | null | undefined, day = todayLocal()): boolean {
  return from <= day && (until === null || until === undefined || day < until);
}

export type ValidityState = 'current' | 'future' | 'ended';

export function validityState(from: string, until: string | null | undefined, day = todayLocal()): ValidityState {
  if (from > day) return 'future';
  return inForce(from, until, day) ? 'current' : 'ended';
}

export const VALIDITY_LABELS: Record<ValidityState, string> = {
  current: 'đang hiệu lực',
  future: 'chưa có hiệu lực',
  ended: 'hết hiệu lực',
};

/** "01/01/2025 – (không thời hạn)", "01/01/2020 – trước 01/01/2025" (the end date is the first day out of force). */
export function validityText(from: string, until: string | null | undefined): string {
  return `Từ ${formatDate(from)}${until ? `, hết hiệu lực từ ${formatDate(until)}` : ''}`;
}

export function grantText(grant: Pick<Grant, 'role' | 'unitId'>, unitName: (id: string) => string): string {
  return `${roleLabel(grant.role)} · ${grant.unitId === EVERY_UNIT ? EVERY_UNIT_LABEL : unitName(grant.unitId)}`;
}

export const ROLE_OPTIONS = ['clerk', 'supervisor', 'director', 'auditor', 'admin'] as const;
