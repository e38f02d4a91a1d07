import { type AppConfig, ConfigError, type RelaySettings, loadRelaySettings } from '@app/platform';

/** The relay's settings: the brokers and its own variables, from the one validated config (libs/platform). */
export interface RelayConfig extends RelaySettings {
  brokers: string[];
}

type Env = Record<string, string | undefined>;

/** From the loaded config (`relay` read and validated there), or from `env` when only the brokers are given. */
export function loadRelayConfig(
  config: Pick<AppConfig, 'kafkaBrokers'> & Partial<Pick<AppConfig, 'relay'>>,
  env: Env = process.env,
): RelayConfig {
  if (config.kafkaBrokers.length === 0)
    throw new ConfigError('KAFKA_BROKERS', 'is required by the relay (host:port,…)', '');
  return { brokers: config.kafkaBrokers, ...(config.relay ?? loadRelaySettings(env)) };
}
