import { type QueueTab, isQueueTab } from './types';

/** The queue's view as the URL holds it (`/?tab=overdue&channel=online&q=…`): a link reproduces the view. */
export interface QueueView {
  tab: QueueTab;
  procedureCode: string;
  channel: string;
  receivedBy: string;
  receivedFrom: string;
  receivedTo: string;
  q: string;
}

export const FILTER_NAMES = ['procedureCode', 'channel', 'receivedBy', 'receivedFrom', 'receivedTo', 'q'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export function viewOf(params: URLSearchParams): QueueView {
  const tab = params.get('tab');
  const view = { tab: isQueueTab(tab) ? tab : 'in_progress' } as QueueView;
  for (const name of FILTER_NAMES) view[name] = params.get(name) ?? '';
  return view;
}

/** The URL's query for a view (defaults and empty filters left out). */
export function paramsOf(view: QueueView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.tab !== 'in_progress') params.set('tab', view.tab);
  for (const name of FILTER_NAMES) if (view[name].trim() !== '') params.set(name, view[name].trim());
  return params;
}

/** The API's query string for a page of the view. */
export function queueQuery(unitId: string, view: QueueView, after?: string | null): string {
  const params = new URLSearchParams({ unitId, tab: view.tab });
  for (const name of FILTER_NAMES) if (view[name].trim() !== '') params.set(name, view[name].trim());
  params.set('limit', '50');
  if (after) params.set('after', after);
  return params.toString();
}

export const hasFilters = (view: QueueView): boolean => FILTER_NAMES.some((name) => view[name].trim() !== '');
