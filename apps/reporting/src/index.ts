// The reporting API's public surface, for the composition (apps/standalone).
export { ReportingModule } from './reporting.module';
