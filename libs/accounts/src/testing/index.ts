/** Test helpers (jest): import from '@app/accounts/testing', never from production code. */
export { ensureAccountToken, TEST_PASSWORD, testUsername } from './test-accounts';
