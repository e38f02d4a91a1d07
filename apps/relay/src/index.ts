// The relay's public surface, for the composition (apps/standalone), the benchmarks and the tests.
export { RelayModule } from './relay.module';
export { RELAY_CONFIG, RelayService } from './relay.service';
export { EventRelay, type EventRelayOptions, type RelayLag, type RelayState, type RelayStatus } from './event-relay';
export { RELAY_MIGRATIONS } from './relay.migrations';
export { loadRelayConfig, type RelayConfig } from './relay-config';
