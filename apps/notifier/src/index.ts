// The notifier's public surface, for the tests and the benchmarks.
export { Notifier, type NotifierStatus, deliveryChannels } from './notifier';
export { NotifierModule } from './notifier.module';
export { NotifierService, NOTIFIER_CONFIG } from './notifier.service';
export { NotifierAppModule } from './notifier-app.module';
export { loadNotifierConfig, type NotifierConfig } from './notifier-config';
export { NOTIFIER_MIGRATIONS, NOTIFIER_OWN_MIGRATIONS } from './notifier.migrations';
export type { DeadLetter } from './sending/notification-sender';
export { renderNotification } from './templates/render';
export type { NotificationContent, NotificationKind } from './templates/message';
