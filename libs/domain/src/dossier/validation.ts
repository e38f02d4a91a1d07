import { isInstant, type Instant } from '../time/local-date';
import { CHANNELS, type Channel } from './events';

/** Small checks shared by the decide functions; each returns a Vietnamese detail or null when fine. */

export const instantMs = (instant: Instant): number => Date.parse(instant);

export function isBefore(a: Instant, b: Instant): boolean {
  return instantMs(a) < instantMs(b);
}

export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function missingField(fields: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(fields)) {
    if (isBlank(value)) return `Thiếu trường "${name}".`;
  }
  return null;
}

export function badAmount(amount: unknown): boolean {
  return amount !== undefined && (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0);
}

export function validInstant(value: unknown): value is Instant {
  return isInstant(value);
}
