import { START } from '../../checkpoint';
import type { Checkpoint, SealExport } from '../../event-store.port';
import type { Queryable } from '../queryable';
import { nthAfter } from '../seal';
import type { ScanRange } from './scan-range';

/**
 * Cuts the log into `parts` ranges of about the same number of events: at seal boundaries within the sealed part
 * (a seal is hashed in one piece), anywhere in the unsealed tail. `tail` is the number of events after the last seal.
 */
export async function planRanges(
  db: Queryable,
  seals: readonly SealExport[],
  tail: number,
  parts: number,
): Promise<ScanRange[]> {
  const sealed = seals.reduce((sum, s) => sum + s.eventCount, 0);
  const total = sealed + tail;
  const sealEnd = seals[seals.length - 1]?.upTo ?? START;
  const cuts: Checkpoint[] = [];
  for (let k = 1; k < parts; k += 1) {
    const wanted = Math.round((total * k) / parts);
    let cut: Checkpoint | null = null;
    if (wanted <= sealed) {
      let sum = 0;
      for (const seal of seals) {
        sum += seal.eventCount;
        if (sum >= wanted) {
          cut = seal.upTo;
          break;
        }
      }
    } else if (wanted - sealed < tail) {
      cut = await nthAfter(db, sealEnd, wanted - sealed);
    }
    const previous = cuts[cuts.length - 1];
    if (
      cut &&
      (!previous || previous.transactionId !== cut.transactionId || previous.globalPosition !== cut.globalPosition)
    )
      cuts.push(cut);
  }
  const ranges: ScanRange[] = [];
  let after: Checkpoint = START;
  let sealIndex = 0;
  for (const [i, upTo] of [...cuts, null].entries()) {
    const inside: SealExport[] = [];
    while (sealIndex < seals.length && (upTo === null || sameOrBefore((seals[sealIndex] as SealExport).upTo, upTo)))
      inside.push(seals[sealIndex++] as SealExport);
    ranges.push({ after, upTo, seals: inside });
    after = upTo ?? after;
    if (i === cuts.length) break;
  }
  return ranges;
}

function sameOrBefore(a: Checkpoint, b: Checkpoint): boolean {
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  return ta < tb || (ta === tb && a.globalPosition <= b.globalPosition);
}
