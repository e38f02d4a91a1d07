// The reporting API's public surface, for the composition (apps/standalone) and the benches.
export { ReportingModule } from './reporting.module';
export { encodeCursor } from './work-queue/queue-cursor';
export { parseWorkQueueRequest, type WorkQueueQuery } from './work-queue/work-queue-request';
export { type WorkQueueAnswer, WorkQueueService } from './work-queue/work-queue.service';
export { type DashboardAnswer } from './dashboard/dashboard-answer';
export { parseDashboardRequest } from './dashboard/dashboard-request';
export { DashboardService } from './dashboard/dashboard.service';
