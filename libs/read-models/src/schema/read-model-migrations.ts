import type { Migration } from '@app/platform/pg';
import { READ_MODELS_001_SQL } from './001-read-models.sql';
import { READ_MODELS_002_SQL } from './002-dossier-columns.sql';
import { READ_MODELS_003_SQL } from './003-received-by.sql';
import { READ_MODELS_004_SQL } from './004-queue-indexes.sql';
import { READ_MODELS_005_SQL } from './005-procedure-counter-period-index.sql';
import { READ_MODELS_006_SQL } from './006-rebuild-partitions.sql';

/** The read models' schema, in order (ids `read-models/NNN-…`); they run after the event store's. */
export const READ_MODEL_MIGRATIONS: Migration[] = [
  { id: 'read-models/001-generations', sql: READ_MODELS_001_SQL },
  { id: 'read-models/002-dossier-columns', sql: READ_MODELS_002_SQL },
  { id: 'read-models/003-received-by', sql: READ_MODELS_003_SQL },
  { id: 'read-models/004-queue-indexes', sql: READ_MODELS_004_SQL },
  { id: 'read-models/005-procedure-counter-period-index', sql: READ_MODELS_005_SQL },
  { id: 'read-models/006-rebuild-partitions', sql: READ_MODELS_006_SQL },
];
