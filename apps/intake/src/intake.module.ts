import { Module } from '@nestjs/common';

/** The intake app's module (see docs/architecture.md). */
@Module({})
export class IntakeModule {}
