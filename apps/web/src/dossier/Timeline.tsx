import type { ReactNode } from 'react';
import type { HistoryEntry } from '../api/types';
import { roleLabel } from '../lib/labels';
import { formatInstant } from '../lib/time';
import { correctedBy, valuesBefore } from './corrections';
import { CORRECTION_FIELDS, type Namer, eventDetails, eventLabel } from './event-labels';

/**
 * The dossier's whole history, oldest first: what happened in words, when it happened (business time) and when it was
 * recorded, who and in which role, the details; a correction beside what it corrected (old → new).
 */
export function Timeline({
  events,
  names,
  extra,
}: {
  events: HistoryEntry[];
  names: Namer;
  /** More about each event, shown last in its entry (the auditor's view: hashes, versions). */
  extra?: (entry: HistoryEntry, index: number) => ReactNode;
}) {
  const before = valuesBefore(events);
  const corrected = correctedBy(events);
  const byPosition = new Map(events.map((e) => [e.position, e]));
  return (
    <ol className="timeline">
      {events.map((entry, index) => {
        const details = eventDetails(entry, names);
        const changes = entry.type === 'EntryCorrected' ? (entry.data.changes as Record<string, unknown>) : undefined;
        const target =
          typeof entry.data.correctsPosition === 'number' ? byPosition.get(entry.data.correctsPosition) : undefined;
        const old = before.get(entry.position) ?? {};
        return (
          <li key={entry.position} id={`event-${entry.position}`} className={`event event-${entry.type}`}>
            <div className="event-head">
              <span className="event-number">#{entry.position}</span>
              <h3>{eventLabel(entry.type)}</h3>
            </div>
            <dl className="event-meta">
              <div>
                <dt>Thời điểm thực hiện</dt>
                <dd>{formatInstant(entry.occurredAt)}</dd>
              </div>
              <div>
                <dt>Ghi nhận vào hệ thống</dt>
                <dd>{formatInstant(entry.recordedAt)}</dd>
              </div>
              <div>
                <dt>Người thực hiện</dt>
                <dd>
                  {entry.actorName ?? entry.actor ?? 'Hệ thống'}
                  {entry.role && <span className="muted"> — {roleLabel(entry.role)}</span>}
                  {entry.unit && <span className="muted">, {names.unit(entry.unit)}</span>}
                </dd>
              </div>
            </dl>
            {details.length > 0 && (
              <dl className="event-details">
                {details.map(([term, value]) => (
                  <div key={term}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            )}
            {changes && (
              <div className="correction">
                {target && (
                  <p>
                    Điều chỉnh mục <a href={`#event-${target.position}`}>#{target.position}</a> (
                    {eventLabel(target.type)}):
                  </p>
                )}
                <table>
                  <caption className="visually-hidden">Nội dung điều chỉnh</caption>
                  <thead>
                    <tr>
                      <th scope="col">Thông tin</th>
                      <th scope="col">Trước điều chỉnh</th>
                      <th scope="col">Sau điều chỉnh</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(changes)
                      .filter(([key]) => CORRECTION_FIELDS[key] && !['supplementPolicy', 'policyVersion'].includes(key))
                      .map(([key, value]) => {
                        const field = CORRECTION_FIELDS[key]!;
                        return (
                          <tr key={key}>
                            <th scope="row">{field.label}</th>
                            <td>{key in old && key !== 'applicant' ? field.show(old[key], names) : '—'}</td>
                            <td>{field.show(value, names)}</td>
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </div>
            )}
            {corrected.has(entry.position) && (
              <p className="corrected-note">
                Mục này đã được điều chỉnh tại{' '}
                {corrected.get(entry.position)!.map((p, i) => (
                  <span key={p}>
                    {i > 0 && ', '}
                    <a href={`#event-${p}`}>mục #{p}</a>
                  </span>
                ))}
                .
              </p>
            )}
            {extra?.(entry, index)}
          </li>
        );
      })}
    </ol>
  );
}
