import { Module } from '@nestjs/common';

/** The projector app's module (see docs/architecture.md). */
@Module({})
export class ProjectorModule {}
