/**
 * A small history for the report page and the dashboard, recorded through the API: dossiers received over the last
 * 80 days at the city's two units (back-dated with `receivedAt`), on every channel, some resolved early or late
 * (`at`), some waiting for supplements, some withdrawn, the rest open (overdue or within the due date by now).
 */
import type { DeskApi } from './desk';

export const UNITS = ['hue-pvhcc', 'hue'] as const;
const PROCEDURES = ['T-DKDN-01', 'T-LLTP-01']; // in force at both (province level): 3 working days, 10 calendar days
const CHANNELS = ['counter', 'online', 'postal'] as const;
const DAY = 86_400_000;

interface Dossier {
  id: string;
  code: string;
}

/** The local date (Asia/Ho_Chi_Minh) of an instant. */
export const localDate = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The period the tests look at: the 80 days ending today (running: live figures). */
export function historyPeriod(now = new Date()): { from: string; to: string } {
  return { from: localDate(new Date(now.getTime() - 80 * DAY)), to: localDate(now) };
}

/** 9:00 local on the day `days` before now (02:00 UTC). */
const daysAgo = (days: number, hourUtc = 2): string => {
  const d = new Date(Date.now() - days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

export async function receiveOne(api: DeskApi, unit: string, days: number, i: number): Promise<Dossier> {
  return api.post<Dossier>('/api/v1/dossiers', {
    procedureCode: PROCEDURES[i % PROCEDURES.length],
    receivingUnitId: unit,
    channel: CHANNELS[i % CHANNELS.length],
    ...(days === 0 ? {} : { receivedAt: daysAgo(days) }),
  });
}

/** Records the history; returns how many dossiers it received. */
export async function recordHistory(api: DeskApi, perUnit: Record<string, number> = { 'hue-pvhcc': 16, hue: 10 }) {
  let received = 0;
  for (const unit of UNITS) {
    for (let i = 0; i < (perUnit[unit] ?? 0); i += 1) {
      const receivedDaysAgo = 76 - i * 5;
      const dossier = await receiveOne(api, unit, receivedDaysAgo, i);
      received += 1;
      const kind = i % 4;
      if (kind === 0) {
        await api.post(`/api/v1/dossiers/${dossier.id}/record-result`, {
          outcome: 'approved',
          at: daysAgo(receivedDaysAgo, 3),
        });
      } else if (kind === 1 && receivedDaysAgo > 22) {
        await api.post(`/api/v1/dossiers/${dossier.id}/record-result`, {
          outcome: 'approved',
          at: daysAgo(receivedDaysAgo - 20),
        });
      } else if (kind === 3 && i % 8 === 3) {
        await api.post(`/api/v1/dossiers/${dossier.id}/request-supplement`, {
          reason: 'Thiếu bản sao giấy tờ',
          at: daysAgo(receivedDaysAgo, 4),
        });
      } else if (kind === 3) {
        await api.post(`/api/v1/dossiers/${dossier.id}/withdraw`, {
          reason: 'Công dân xin rút hồ sơ',
          at: daysAgo(receivedDaysAgo, 5),
        });
      }
    }
  }
  return received;
}
