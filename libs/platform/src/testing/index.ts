/** Test helpers (jest): import from '@app/platform/testing', never from production code. */
export { createTestDatabase, type TestDatabase } from './test-database';
