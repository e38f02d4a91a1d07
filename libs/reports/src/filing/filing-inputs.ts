import { createHash } from 'node:crypto';
import type { FiledPosition, FiledScope, FiledVersions, Period } from '@app/domain';
import { canonicalJson } from '@app/event-store';

/** What a filing's figures were computed from: the same inputs always give the same figures. */
export interface FilingInputs {
  period: Period;
  scope: FiledScope;
  groupBy: string;
  position: FiledPosition;
  versions: FiledVersions;
  figures: unknown;
}

/** sha256 (hex) of the canonical JSON (sorted keys, no spaces) of the inputs and the figures they gave. */
export function inputsSha256(inputs: FilingInputs): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}
