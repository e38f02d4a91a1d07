import type { Pool } from 'pg';
import { inTransaction } from '@app/platform/pg';
import {
  type Checkpoint,
  CheckpointedProcessor,
  type EventStore,
  type FollowerRun,
  type ProcessorLag,
  type ProcessorLog,
  type ProcessorState,
  type ProcessorStatus,
  HostedFollower,
  type RunContext,
} from '@app/event-store';
import { GenerationChangedError } from '../generations/generation';
import { activeGeneration } from '../generations/generation-repository';
import { applyBatch } from '../projection/apply-batch';

export type ProjectorState = ProcessorState;
export type ProjectorLag = ProcessorLag;

export interface ProjectorOptions {
  pool: Pool;
  store: EventStore;
  /** Events per page and transaction (default 5000; live pages are as small as what is new). */
  batchSize?: number;
  /**
   * Live: how long to let commits gather after a notification before reading them as one page (default 50 ms).
   * Under load this turns hundreds of tiny transactions a second into a few larger ones; the read models then
   * trail the log by about this much more.
   */
  coalesceMs?: number;
  log?: ProcessorLog;
}

export interface ProjectorStatus extends Pick<
  ProcessorStatus,
  'state' | 'checkpoint' | 'eventsPerSecond' | 'restarts' | 'lastBatchAt' | 'lastError' | 'readFailures' | 'readError'
> {
  generation: number | null;
  eventsProjected: number;
}

/** Name of the session lock held by the one live projector of a database (another one waits). */
export const PROJECTOR_LOCK = 'read-models:projector';

/**
 * The live projector, a follower of the log hosted by a `CheckpointedProcessor` (lock, subscription, back-off,
 * metrics): its checkpoint is the active generation's, and each page is applied in one transaction with it
 * (rows, counters and checkpoint commit or roll back together). When a rebuild switches generations, the next batch
 * finds its generation retired (`GenerationChangedError`, a planned end of the run) and the next run follows the new
 * generation from that one's checkpoint.
 */
export class Projector extends HostedFollower<ProjectorStatus> {
  readonly processor: CheckpointedProcessor;
  protected override readonly failOnError = true;
  private generation: number | null = null;

  constructor(private readonly options: ProjectorOptions) {
    super();
    this.processor = new CheckpointedProcessor({
      name: 'projector',
      lock: PROJECTOR_LOCK,
      pool: options.pool,
      store: options.store,
      batchSize: options.batchSize ?? 5000,
      coalesceMs: options.coalesceMs ?? 50,
      retry: { firstMs: 2000, maxMs: 30_000 },
      expected: (error) =>
        error instanceof GenerationChangedError
          ? `generation ${error.generation} is ${error.status}; resuming on the active generation`
          : undefined,
      follower: {
        open: (run) => this.open(run),
        checkpoint: async () => (await activeGeneration(options.pool)).checkpoint,
      },
      log: options.log,
    });
  }

  status(): ProjectorStatus {
    const { events, ...status } = this.processor.status();
    return { ...status, generation: this.generation, eventsProjected: events };
  }

  private async open(run: RunContext): Promise<FollowerRun> {
    const generation = await activeGeneration(this.options.pool);
    this.generation = generation.id;
    let position: Checkpoint = generation.checkpoint;
    return {
      from: generation.checkpoint,
      handle: async (events, checkpoint) => {
        const result = await inTransaction(this.options.pool, (client) =>
          applyBatch(client, events, { generation: generation.id, expect: ['active'], from: position, to: checkpoint }),
        );
        position = result.checkpoint;
        run.progress(result.fresh, result.checkpoint, events[events.length - 1]?.recordedAt ?? null);
      },
    };
  }
}
