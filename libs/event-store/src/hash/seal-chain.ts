import { compareCheckpoints } from '../checkpoint';
import type { IntegrityProblem, SealExport } from '../event-store.port';

/**
 * The seals must form one unbroken chain: numbered 1, 2, 3…, the first starting at the beginning of the log, each
 * starting where the previous one ended and naming the previous one's hash. Problems, in seal order.
 */
export function checkSealChain(seals: readonly SealExport[]): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  let previous: SealExport | undefined;
  for (const seal of seals) {
    const fail = (detail: string): void => {
      problems.push({ kind: 'seal_chain', sealNumber: seal.sealNumber, detail });
    };
    const expectedNumber = (previous?.sealNumber ?? 0) + 1;
    if (seal.sealNumber !== expectedNumber) {
      fail(
        `seal #${expectedNumber}${seal.sealNumber > expectedNumber + 1 ? `–#${seal.sealNumber - 1}` : ''} is missing from the seal table (the next one found is #${seal.sealNumber})`,
      );
    } else if ((previous?.sealHash ?? null) !== seal.prevSealHash) {
      fail(
        previous
          ? `seal #${seal.sealNumber} does not name the hash of seal #${previous.sealNumber}: one of the two was altered`
          : `seal #1 names a previous seal, but it is the first`,
      );
    } else if (previous && compareCheckpoints(previous.upTo, seal.after) !== 0) {
      fail(
        `seal #${seal.sealNumber} starts at ${place(seal.after)}, not where seal #${previous.sealNumber} ended (${place(previous.upTo)})`,
      );
    } else if (!previous && (seal.after.transactionId !== '0' || seal.after.globalPosition !== 0)) {
      fail(`seal #1 starts at ${place(seal.after)}, not at the beginning of the log`);
    } else if (compareCheckpoints(seal.upTo, seal.after) < 0) {
      fail(`seal #${seal.sealNumber} ends before it starts`);
    }
    previous = seal;
  }
  return problems;
}

/** A checkpoint in words: "global position 1,234 (transaction 5,678)". */
export function place(checkpoint: { transactionId: string; globalPosition: number }): string {
  return `global position ${checkpoint.globalPosition.toLocaleString('en')} (transaction ${checkpoint.transactionId})`;
}
