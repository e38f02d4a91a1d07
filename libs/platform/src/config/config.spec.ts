import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has defaults that work for npm start', () => {
    const config = loadConfig({}, '/repo');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve('/repo/.data'),
      eventStore: 'postgres',
      dueDateCutoff: '17:00',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['READ_DATABASE_URL', 'mysql://x'],
    ['EVENT_STORE', 'mongo'],
    ['DUE_DATE_CUTOFF', '25:00'],
    ['KAFKA_BROKERS', 'localhost'],
  ])('stops on a wrong %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value }, '/repo')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, '/repo')).toThrow(new RegExp(`^Invalid configuration: ${name}=`));
  });

  it('reads READ_DATABASE_URL only beside DATABASE_URL', () => {
    expect(loadConfig({}, '/repo').readDatabaseUrl).toBeUndefined();
    expect(() => loadConfig({ READ_DATABASE_URL: 'postgres://standby/db' }, '/repo')).toThrow(/READ_DATABASE_URL/);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://primary/db', READ_DATABASE_URL: 'postgres://standby/db' }, '/repo')
        .readDatabaseUrl,
    ).toBe('postgres://standby/db');
  });

  it('requires KURRENTDB_URL with EVENT_STORE=kurrentdb', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' }, '/repo')).toThrow(/KURRENTDB_URL/);
    expect(
      loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' }, '/repo')
        .eventStore,
    ).toBe('kurrentdb');
  });
});
