import { Module } from '@nestjs/common';
import { ProjectorService } from './projector.service';

/**
 * The projector app's module: follows the event log into the read models (libs/read-models). Needs PG_POOL,
 * EVENT_STORE and HealthIndicators from the composition (standalone, or main.ts here).
 */
@Module({ providers: [ProjectorService], exports: [ProjectorService] })
export class ProjectorModule {}
