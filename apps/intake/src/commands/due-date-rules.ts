import type { DueDateRules } from '@app/domain';
import type { AppConfig } from '@app/platform';

/** The due-date rules of this installation (the configured cut-off): the receipt's and its preview's alike. */
export const dueDateRulesOf = (config: AppConfig): DueDateRules => ({ cutoff: config.dueDateCutoff });
