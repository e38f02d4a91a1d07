import { type KeyboardEvent, useRef } from 'react';
import { QUEUE_TABS, type QueueTab, TAB_LABELS } from './types';

export const tabId = (tab: QueueTab): string => `queue-tab-${tab}`;
export const PANEL_ID = 'queue-panel';

/**
 * The queue's tabs (WAI-ARIA tabs pattern, automatic activation): one tab stop, arrows/Home/End move and select,
 * each tab names its count ("Quá hạn (3)").
 */
export function QueueTabs({
  selected,
  counts,
  onSelect,
}: {
  selected: QueueTab;
  counts: Partial<Record<QueueTab, number>> | undefined;
  onSelect(tab: QueueTab): void;
}) {
  const refs = useRef<Partial<Record<QueueTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = QUEUE_TABS.indexOf(selected);
    const last = QUEUE_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % QUEUE_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % QUEUE_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const tab = QUEUE_TABS[next]!;
    onSelect(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div role="tablist" aria-label="Nhóm hồ sơ" className="queue-tabs" onKeyDown={onKeyDown}>
      {QUEUE_TABS.map((tab) => {
        const count = counts?.[tab];
        const active = tab === selected;
        return (
          <button
            key={tab}
            ref={(element) => {
              refs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={active}
            aria-controls={PANEL_ID}
            tabIndex={active ? 0 : -1}
            className={`queue-tab${tab === 'overdue' && count ? ' has-late' : ''}`}
            onClick={() => onSelect(tab)}
          >
            <span>{TAB_LABELS[tab]}</span>
            <span className="count" data-testid={`count-${tab}`}>
              {count === undefined ? '…' : count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
