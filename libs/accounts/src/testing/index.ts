/** Test helpers (jest): import from '@app/accounts/testing', never from production code. */
export { accountsServiceFor, ensureAccountToken, testUsername } from './test-accounts';
