/**
 * The version of the classification rules (DOMAIN.md § Classification and § Figures): how a dossier lands in
 * received / carried over / resolved early, on time, late / in progress within or past its deadline / the other
 * buckets. Raise it with any change to bucket.ts, classification.ts or figures.ts that can move a dossier: a filed
 * report names the version it was computed under, so "filed versus now" can tell a rule change from a late entry.
 */
export const CLASSIFICATION_RULES_VERSION = 'classification-2020.1';
