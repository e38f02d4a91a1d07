// The projector's public surface, for the composition (apps/standalone), the CLI and the tests.
export { ProjectorModule } from './projector.module';
export { ProjectorService } from './projector.service';
