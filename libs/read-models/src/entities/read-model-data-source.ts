import pg, { type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { UnitCounter, UnitProcedureCounter } from './counter.entities';
import { DossierView } from './dossier-view.entity';
import { GenerationRecord } from './generation.entity';

export const READ_MODEL_ENTITIES = [DossierView, UnitCounter, UnitProcedureCounter, GenerationRecord];

/**
 * The TypeORM data source of the read models, on the process's own pool: TypeORM's postgres driver builds its pool
 * from the `driver` module it is given, and this one hands it the pool that exists (closing the data source leaves
 * that pool to its owner). No second pool, no second set of connections. The schema comes from
 * READ_MODEL_MIGRATIONS, never from TypeORM: synchronize is off.
 */
export async function createReadModelDataSource(pool: Pool): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    driver: sharedPoolDriver(pool),
    entities: READ_MODEL_ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  });
  return dataSource.initialize();
}

/** The pg module as TypeORM uses it, whose `new Pool()` is the given pool; `end()` leaves it open. */
function sharedPoolDriver(pool: Pool): typeof pg {
  const shared = new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'end') return (callback?: (error?: Error) => void) => (callback?.(), Promise.resolve());
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  function SharedPool(): Pool {
    return shared;
  }
  return { ...pg, Pool: SharedPool as unknown as typeof pg.Pool };
}
