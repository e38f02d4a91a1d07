import { Module } from '@nestjs/common';

/** The reporting app's module (see docs/architecture.md). */
@Module({})
export class ReportingModule {}
