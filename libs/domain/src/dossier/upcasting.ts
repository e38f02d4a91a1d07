import { CURRENT_SCHEMA_VERSIONS, isDossierEventType, type DossierEvent, type DossierEventType } from './events';

/**
 * Old events are never rewritten in the store: they are read at the schema version they were written with and
 * upcast here, step by step, to the current one. Each step takes the data of version n to version n + 1.
 */
export interface RawDossierEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export type UpcastStep = (data: Record<string, unknown>) => Record<string, unknown>;

/** upcasters[type][n] takes version n to n + 1. */
export type UpcasterRegistry = Partial<Record<DossierEventType, Readonly<Record<number, UpcastStep>>>>;

export class UpcastError extends Error {
  constructor(
    readonly code: 'UNKNOWN_EVENT_TYPE' | 'UNSUPPORTED_SCHEMA_VERSION' | 'MALFORMED_EVENT',
    message: string,
  ) {
    super(message);
    this.name = 'UpcastError';
  }
}

/**
 * DossierReceived v1 → v2: v1 (the first intake screens) had no competent unit — the receiving unit decided —
 * and called the counter channel `direct` (trực tiếp).
 */
const dossierReceivedV1toV2: UpcastStep = (data) => {
  const { channel, ...rest } = data;
  return {
    ...rest,
    channel: channel === 'direct' ? 'counter' : channel,
    competentUnitId: data.competentUnitId ?? data.receivingUnitId,
  };
};

export const DOSSIER_UPCASTERS: UpcasterRegistry = {
  DossierReceived: { 1: dossierReceivedV1toV2 },
};

export function upcast(raw: RawDossierEvent, registry: UpcasterRegistry = DOSSIER_UPCASTERS): DossierEvent {
  if (!isDossierEventType(raw.type))
    throw new UpcastError('UNKNOWN_EVENT_TYPE', `Unknown dossier event type "${raw.type}".`);
  const current = CURRENT_SCHEMA_VERSIONS[raw.type];
  if (!Number.isInteger(raw.schemaVersion) || raw.schemaVersion < 1 || raw.schemaVersion > current) {
    throw new UpcastError(
      'UNSUPPORTED_SCHEMA_VERSION',
      `${raw.type} has schema version ${raw.schemaVersion}; this build reads 1..${current}.`,
    );
  }
  if (typeof raw.data !== 'object' || raw.data === null || Array.isArray(raw.data)) {
    throw new UpcastError('MALFORMED_EVENT', `${raw.type} v${raw.schemaVersion} has no data object.`);
  }
  let data = raw.data as Record<string, unknown>;
  for (let version = raw.schemaVersion; version < current; version++) {
    const step = registry[raw.type]?.[version];
    if (!step)
      throw new UpcastError('UNSUPPORTED_SCHEMA_VERSION', `No upcaster for ${raw.type} v${version} → v${version + 1}.`);
    data = step(data);
  }
  if (typeof data.occurredAt !== 'string') throw new UpcastError('MALFORMED_EVENT', `${raw.type} has no occurredAt.`);
  return { type: raw.type, schemaVersion: current, data } as DossierEvent;
}

/**
 * The domain event of a recorded event, upcast to the current schema; null for an event this build cannot read
 * (unknown type or version, malformed). The projector and the auditor's replay both skip exactly these, so they
 * agree; the command side, which must not decide on a history it cannot read, uses `upcast` and fails instead.
 */
export function toDossierEvent(raw: RawDossierEvent): DossierEvent | null {
  try {
    return upcast(raw);
  } catch (error) {
    if (error instanceof UpcastError) return null;
    throw error;
  }
}
