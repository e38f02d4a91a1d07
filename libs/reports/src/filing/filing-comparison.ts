import type { FiledPosition } from '@app/domain';
import type { Checkpoint } from '@app/event-store';
import type { FigureKey } from './figure-keys';
import type { FiledReportSummary } from './filed-report';
import type { MovingEvent } from './dossier-moves';

/** A dossier behind a figure's change: by how much it moved the figure, and the events that moved it. */
export interface DossierContribution {
  dossierId: string;
  code: string | null;
  change: number;
  events: MovingEvent[];
}

export interface FigureComparison {
  figure: FigureKey;
  /** Its Vietnamese name. */
  label: string;
  filed: number;
  now: number;
  difference: number;
  /** Every dossier whose contribution changed; their changes add up to `difference` less `unexplained`. */
  dossiers: DossierContribution[];
  /** What no recorded event explains (0 unless the read models and the log disagree): never hidden. */
  unexplained: number;
}

export interface LineComparison {
  kind: string;
  key: string;
  subject: string;
  figures: FigureComparison[];
}

/** GET /api/v1/reports/filings/{id}/comparison. */
export interface FilingComparison {
  filing: FiledReportSummary;
  /** The read models' position the figures now come from. */
  now: Checkpoint & { generation: number; comparedAt: string };
  filedAt: FiledPosition;
  /** Events recorded after the filing's position, up to now's. */
  eventsAfterFiling: number;
  /** Dossiers with events among them, and those whose figures for the period moved. */
  dossiersTouched: number;
  dossiersMoved: number;
  groups: LineComparison[];
  total: LineComparison;
  seconds: number;
}
