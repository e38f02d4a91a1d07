import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** GET/POST /api/v1/audit/…: verify runs and seals for auditors (needs EVENT_STORE and APP_CONFIG, both global). */
@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
