// The standalone composition, for the CLI and the tests.
export { StandaloneModule } from './standalone.module';
export { ALL_MIGRATIONS } from './migrations';
