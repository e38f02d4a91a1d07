import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { UpcastError, dossierIdOf } from '@app/domain';
import {
  type Checkpoint,
  checkpointOf,
  compareCheckpoints,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  START,
  type Subscription,
} from '@app/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthRequest,
  leaveInFlight,
  PRINCIPAL_RESOLVER,
  type PrincipalResolver,
} from '@app/platform';
import { DossierFolds, type StreamLoader } from './dossier-folds';
import { LiveConnection, type LiveMessage } from './live-connection';
import { liveDossierEvent } from './live-dossier-event';
import { liveStopping } from './live-errors';
import { type LiveScope, scopeOf } from './live-scope';
import { type LogPositions, logPositionsOf } from './log-positions';
import { SSE_KEEPALIVE, sseMessage, sseRetry } from './sse-frames';

const KEEPALIVE_MS = 15_000;
const RETRY_MS = 2000;
const CATCH_UP_PAGE = 500;

export interface LiveRequest {
  request: Request;
  response: Response;
  scope: LiveScope;
  /** The unit asked for (checked again with the principal), or every unit the principal reads. */
  unitId?: string;
  /** Last-Event-ID (or `after`): resume after this global position. */
  resumeAfter?: number;
}

/**
 * Live dossier events for every open stream of the process, from ONE subscription to the log (started at the head
 * when the first stream opens): each event is folded once into its dossier (units, status) and written once as a
 * frame, then offered to every stream, which sends it if its scope shows the dossier. A resumed stream first reads
 * the log itself from its Last-Event-ID up to where the shared subscription stood when it joined, while the live
 * events wait in its buffer: the subscription's checkpoints are gap-safe, so the two meet with nothing skipped and
 * nothing twice.
 */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly logger = new Logger('live');
  private readonly connections = new Set<LiveConnection>();
  private readonly folds: DossierFolds;
  private readonly positions: LogPositions;
  private readonly loader: StreamLoader;
  private readonly checkMs: number;
  private tail?: Subscription;
  private starting?: Promise<void>;
  private keepalive?: NodeJS.Timeout;
  /** Where the shared subscription stands: every event after it will be offered to the open streams. */
  private position: Checkpoint = START;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.loader = (streamId, toVersion) => this.store.readStream(streamId, { toVersion });
    this.folds = new DossierFolds(this.loader);
    this.positions = logPositionsOf(store);
    this.checkMs = config.auth.liveCheckSeconds * 1000;
  }

  /** How many streams are open (health, tests). */
  get openStreams(): number {
    return this.connections.size;
  }

  async open(live: LiveRequest): Promise<void> {
    if (this.stopping) throw liveStopping();
    await this.ensureTail();
    const from = live.resumeAfter === undefined ? undefined : await this.positions.checkpointAt(live.resumeAfter);
    const { request, response } = live;
    if (this.stopping) throw liveStopping();
    if (response.destroyed || response.writableEnded) return; // the client left while we looked

    const upTo = this.position;
    const connection = new LiveConnection(response, live.scope, (c) => this.connections.delete(c), from !== undefined);
    this.connections.add(connection);
    leaveInFlight(response); // closed by onModuleDestroy: a stopping app does not wait for it
    response.on('close', () => connection.close());
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    response.flushHeaders();
    response.socket?.setNoDelay(true);
    connection.write(sseRetry(RETRY_MS));
    const resumed = live.resumeAfter === undefined ? {} : { after: live.resumeAfter, resumed: from !== undefined };
    connection.write(
      sseMessage({
        id: from === undefined ? upTo.globalPosition : live.resumeAfter,
        event: 'ready',
        data: { position: upTo.globalPosition, ...resumed },
      }),
    );
    this.watchPrincipal(connection, request, live.unitId);
    if (from !== undefined) void this.catchUp(connection, from, upTo);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.keepalive) clearInterval(this.keepalive);
    for (const connection of [...this.connections]) connection.close();
    await this.tail?.stop();
  }

  private ensureTail(): Promise<void> {
    this.starting ??= this.startTail().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async startTail(): Promise<void> {
    const head = await this.positions.head();
    this.position = head;
    const tail = this.store.subscribe({
      from: head,
      handle: (events, checkpoint) => this.dispatch(events, checkpoint),
      onReadError: (error, attempts) => {
        if (attempts === 1) this.logger.warn(`live: reading the log failed, trying again: ${messageOf(error)}`);
      },
    });
    this.tail = tail;
    tail.done.catch((error: unknown) => {
      // The streams end and their browsers come back with their Last-Event-ID: a fresh subscription, nothing lost.
      this.logger.error(`live: the log's subscription stopped: ${messageOf(error)}`);
      if (this.tail === tail) {
        this.tail = undefined;
        this.starting = undefined;
      }
      for (const connection of [...this.connections]) connection.close();
    });
    this.keepalive ??= setInterval(() => {
      for (const connection of this.connections) connection.write(SSE_KEEPALIVE);
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  private async dispatch(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    for (const event of events) {
      const message = await this.messageOf(event, this.folds);
      if (message) for (const connection of this.connections) connection.offer(message);
      // moved event by event: a stream that joins during the batch gets the rest of it live, its catch-up the start
      this.position = checkpointOf(event);
    }
    if (compareCheckpoints(checkpoint, this.position) > 0) this.position = checkpoint;
  }

  /** Reads the log from `from` up to `upTo` for one stream, then lets its waiting live messages through. */
  private async catchUp(connection: LiveConnection, from: Checkpoint, upTo: Checkpoint): Promise<void> {
    try {
      const folds = new DossierFolds(this.loader, 1000);
      let after = from;
      while (!connection.closed && compareCheckpoints(after, upTo) < 0) {
        const page = await this.store.readAll({ after, limit: CATCH_UP_PAGE });
        if (page.events.length === 0) break;
        for (const event of page.events) {
          if (compareCheckpoints(checkpointOf(event), upTo) > 0) break;
          const message = await this.messageOf(event, folds);
          if (message) connection.send(message);
        }
        after = page.checkpoint;
      }
      connection.goLive(compareCheckpoints(from, upTo) > 0 ? from : upTo);
    } catch (error) {
      this.logger.warn(`live: a stream's catch-up failed, it will reconnect: ${messageOf(error)}`);
      connection.close();
    }
  }

  private async messageOf(event: RecordedEvent, folds: DossierFolds): Promise<LiveMessage | undefined> {
    if (dossierIdOf(event.streamId) === null) return undefined;
    let at;
    try {
      at = await folds.after(event);
    } catch (error) {
      if (!(error instanceof UpcastError)) throw error;
      this.logger.error(`live: ${event.streamId} #${event.streamPosition} cannot be read: ${error.message}`);
      return undefined;
    }
    const data = at && liveDossierEvent(event, at);
    if (!at || !data) return undefined;
    return {
      checkpoint: checkpointOf(event),
      units: at.units,
      frame: sseMessage({ id: event.globalPosition, event: 'dossier', data }),
    };
  }

  /** Every `LIVE_CHECK_SECONDS`: the session or token still valid, the units still readable — or the stream ends. */
  private watchPrincipal(connection: LiveConnection, request: Request, unitId: string | undefined): void {
    const credentials: AuthRequest = {
      method: 'GET',
      headers: { cookie: request.headers.cookie, authorization: request.headers.authorization },
      ip: request.ip,
    };
    connection.every(this.checkMs, () => {
      this.resolver.resolve(credentials).then(
        (principal) => {
          const scope = principal === 'missing' ? 'not_allowed' : scopeOf(principal, unitId);
          if (scope === 'not_allowed') connection.close();
          else connection.scope = scope;
        },
        () => connection.close(),
      );
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
