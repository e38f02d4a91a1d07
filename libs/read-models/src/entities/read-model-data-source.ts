import { DataSource } from 'typeorm';
import { UnitCounter, UnitProcedureCounter } from './counter.entities';
import { DossierView } from './dossier-view.entity';
import { GenerationRecord } from './generation.entity';

export const READ_MODEL_ENTITIES = [DossierView, UnitCounter, UnitProcedureCounter, GenerationRecord];

/**
 * The TypeORM data source of the read models, on the same database as the rest (its own small pool). The schema
 * comes from READ_MODEL_MIGRATIONS, never from TypeORM: synchronize is off.
 */
export async function createReadModelDataSource(url: string, poolSize = 5): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize },
  });
  return dataSource.initialize();
}
