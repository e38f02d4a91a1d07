import type { TimeLimit } from '../deadlines';
import type { LocalDate } from '../time/local-date';
import { findOverlap, isEffectiveOn, type EffectiveDated } from './effective-dated';
import { ReferenceDataError } from './reference-error';

/**
 * Online service level. Decree 42/2022 speaks of "dịch vụ công trực tuyến một phần" (`partial`: submitted online,
 * something still done in person) and "toàn trình" (`full`: end to end online); `none` otherwise. The 2020
 * scale (mức 1–4, Decree 43/2011) maps as mức 1–2 → `none`, mức 3 → `partial`, mức 4 → `full`; the parser
 * accepts either.
 */
export type OnlineLevel = 'none' | 'partial' | 'full';
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['none', 'partial', 'full'];

/** One version of an administrative procedure (thủ tục hành chính) as published for a level. */
export interface Procedure extends EffectiveDated {
  code: string;
  name: string;
  /** The level that decides it (data: `province`, `district`, `commune`...). */
  level: string;
  /** Lĩnh vực (field), for grouping reports. */
  field?: string;
  timeLimit: TimeLimit;
  /** Received and returned through the one-stop unit (một cửa). */
  oneStop: boolean;
  /** Liên thông: several agencies or levels take part. */
  interconnected: boolean;
  onlineLevel: OnlineLevel;
  /** The legal text that sets the time limit. */
  legalBasis?: string;
}

export interface ProcedureCatalogue {
  readonly procedures: readonly Procedure[];
  /** The version of the procedure in force on the date, or null. */
  procedureAt(code: string, date: LocalDate): Procedure | null;
  proceduresAt(date: LocalDate): Procedure[];
}

export function isProcedureInForce(procedure: Procedure, date: LocalDate): boolean {
  return isEffectiveOn(procedure, date);
}

/** Builds a catalogue; throws ReferenceDataError when two versions of one procedure overlap. */
export function procedureCatalogue(records: readonly Procedure[]): ProcedureCatalogue {
  const overlap = findOverlap(records, (p) => p.code);
  if (overlap) {
    const [a, b] = overlap;
    throw new ReferenceDataError(
      'DUPLICATE_VERSION',
      `Thủ tục "${a.code}" có hai phiên bản chồng lấn thời gian hiệu lực (${a.validFrom} và ${b.validFrom}).`,
    );
  }
  const procedures = [...records];
  return {
    procedures,
    procedureAt: (code, date) => procedures.find((p) => p.code === code && isEffectiveOn(p, date)) ?? null,
    proceduresAt: (date) => procedures.filter((p) => isEffectiveOn(p, date)),
  };
}
