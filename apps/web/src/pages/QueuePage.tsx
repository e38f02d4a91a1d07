import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import { ApiError } from '../api/client';
import { useUnit } from '../app/unit';
import { type FilterName, type QueueView, hasFilters, paramsOf, viewOf } from '../queue/filters';
import { QueueFilters } from '../queue/QueueFilters';
import { PANEL_ID, QueueTabs, tabId } from '../queue/QueueTabs';
import { QueueTable } from '../queue/QueueTable';
import { useLiveChanges } from '../queue/useLiveChanges';
import { useProcedureNames } from '../queue/procedures';
import { useWorkQueue } from '../queue/useWorkQueue';
import { EMPTY_TAB, type QueueTab, TAB_LABELS } from '../queue/types';
import { formatDateLong } from '../lib/time';
import '../queue/queue.css';

/**
 * The first screen after sign-in: the unit's work queue. Tab and filters live in the URL (a link reproduces the
 * view); the list refreshes on live changes, a changed row lights up and is announced politely.
 */
export function QueuePage() {
  const { unitId: chosenUnit, setUnitId, units, unitName } = useUnit();
  const [params, setParams] = useSearchParams();
  // `?unit=` (links from the dashboard and the report page) opens that unit's queue when the user works for it.
  const linkedUnit = params.get('unit');
  const unitId = linkedUnit && units.some((u) => u.id === linkedUnit) ? linkedUnit : chosenUnit;
  useEffect(() => {
    if (!linkedUnit || !units.some((u) => u.id === linkedUnit)) return;
    if (linkedUnit !== chosenUnit) setUnitId(linkedUnit);
    const next = new URLSearchParams(params);
    next.delete('unit');
    setParams(next, { replace: true });
  }, [linkedUnit, units]);
  const view = viewOf(params);
  const queue = useWorkQueue(unitId, view);
  const procedureName = useProcedureNames();
  const { changed, announcement } = useLiveChanges();

  const show = (next: QueueView) => setParams(paramsOf(next), { replace: true });
  const selectTab = (tab: QueueTab) => show({ ...view, tab });
  const filter = (changes: Partial<Record<FilterName, string>>) => show({ ...view, ...changes });

  const pages = queue.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((p) => p.items);
  const error = queue.error instanceof ApiError ? queue.error : null;
  const clerks = [...new Set(items.map((i) => i.receivedBy).filter((c): c is string => !!c))].sort();

  return (
    <section className="stack queue" aria-labelledby="queue-title">
      <div className="queue-head">
        <h1 id="queue-title">Hàng đợi hồ sơ — {unitName(unitId)}</h1>
        {first && <span className="today">Hôm nay: {formatDateLong(first.today)}</span>}
      </div>
      <QueueFilters view={view} problems={error?.fields ?? []} clerks={clerks} onChange={filter} />
      <div>
        <QueueTabs selected={view.tab} counts={first?.counts} onSelect={selectTab} />
        <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(view.tab)} className="queue-panel" tabIndex={0}>
          {queue.isPending ? (
            <p className="loading" role="status">
              Đang tải hàng đợi…
            </p>
          ) : queue.isError ? (
            <p className="error" role="alert">
              {error?.message ?? 'Không tải được hàng đợi. Vui lòng thử lại.'}
            </p>
          ) : items.length === 0 ? (
            <p className="queue-empty">
              {hasFilters(view) ? 'Không có hồ sơ nào khớp với điều kiện tìm kiếm, lọc.' : EMPTY_TAB[view.tab]}
            </p>
          ) : (
            <>
              <QueueTable
                items={items}
                caption={`${TAB_LABELS[view.tab]}: ${items.length} hồ sơ`}
                changed={changed}
                procedureName={procedureName}
              />
              {queue.hasNextPage && (
                <div className="queue-more">
                  <button type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
                    {queue.isFetchingNextPage ? 'Đang tải…' : 'Xem thêm'}
                  </button>
                </div>
              )}
            </>
          )}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
