import type { Migration } from '@app/platform';

/**
 * The consumer-side dedupe state: for each consumer and stream, the last stream position handled. Events of one
 * stream arrive in stream order (one partition), so "position <= last" is a duplicate and "position > last + 1"
 * is a gap (0: a row claimed before the stream's first event was handled). Owned by libs/messaging; run by the
 * consumers that use `ProcessedEvents`.
 */
export const MESSAGING_MIGRATIONS: readonly Migration[] = [
  {
    id: 'messaging/001-processed-events',
    sql: `
      CREATE SCHEMA IF NOT EXISTS messaging;
      CREATE TABLE messaging.processed_events (
        consumer      text        NOT NULL,
        stream_id     text        NOT NULL,
        last_position bigint      NOT NULL CHECK (last_position >= 0),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, stream_id)
      );`,
  },
];
