import type { Addressee, NotificationContent, RenderedNotification } from './message';
import { renderReceived } from './received.template';
import { renderRescheduled } from './rescheduled.template';
import { renderResultReady } from './result-ready.template';
import { renderSupplementRequested } from './supplement-requested.template';

/** The Vietnamese e-mail and SMS of a notification, for its addressee. */
export function renderNotification(content: NotificationContent, to: Addressee): RenderedNotification {
  switch (content.kind) {
    case 'received':
      return renderReceived(content, to);
    case 'supplement-requested':
      return renderSupplementRequested(content, to);
    case 'result-ready':
      return renderResultReady(content, to);
    case 'rescheduled':
      return renderRescheduled(content, to);
  }
}
