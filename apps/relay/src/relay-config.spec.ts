import { ConfigError } from '@app/platform';
import { loadRelayConfig } from './relay-config';

describe('relay configuration', () => {
  const brokers = { kafkaBrokers: ['127.0.0.1:9092'] };

  it('has defaults for everything but the brokers', () => {
    expect(loadRelayConfig(brokers, {})).toEqual({
      brokers: ['127.0.0.1:9092'],
      topic: 'dossier-events',
      partitions: 6,
      clientId: 'dossier-relay',
      consumer: 'kafka-relay',
      batchSize: 2000,
    });
  });

  it('reads its variables', () => {
    expect(
      loadRelayConfig(brokers, {
        KAFKA_TOPIC: 'hue.events',
        KAFKA_TOPIC_PARTITIONS: '12',
        RELAY_BATCH_SIZE: '500',
        RELAY_CONSUMER: 'relay-b',
        KAFKA_CLIENT_ID: 'r2',
      }),
    ).toMatchObject({
      topic: 'hue.events',
      partitions: 12,
      batchSize: 500,
      consumer: 'relay-b',
      clientId: 'r2',
    });
  });

  it.each([
    [{}, [], 'KAFKA_BROKERS'],
    [{ KAFKA_TOPIC: 'bad topic' }, ['b:1'], 'KAFKA_TOPIC'],
    [{ KAFKA_TOPIC_PARTITIONS: '0' }, ['b:1'], 'KAFKA_TOPIC_PARTITIONS'],
    [{ RELAY_BATCH_SIZE: 'many' }, ['b:1'], 'RELAY_BATCH_SIZE'],
  ])('names the variable of a wrong value (%j)', (env, kafkaBrokers, variable) => {
    expect(() => loadRelayConfig({ kafkaBrokers }, env)).toThrow(ConfigError);
    expect(() => loadRelayConfig({ kafkaBrokers }, env)).toThrow(variable);
  });
});
