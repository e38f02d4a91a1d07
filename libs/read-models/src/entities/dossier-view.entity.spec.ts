import { getMetadataArgsStorage } from 'typeorm';
import { DOSSIER_PRIMARY_KEY, DOSSIER_TABLE } from '../schema/dossier-table';
import { DossierView } from './dossier-view.entity';

describe('DossierView (TypeORM entity)', () => {
  it('maps exactly the columns of DOSSIER_TABLE, with their SQL types, nullability and primary key', () => {
    const mapped = getMetadataArgsStorage()
      .columns.filter((c) => c.target === DossierView)
      .map((c) => ({
        name: c.options.name ?? c.propertyName,
        sqlType: c.options.type,
        nullable: c.options.nullable ?? false,
        primary: c.options.primary ?? false,
      }));
    const expected = Object.entries(DOSSIER_TABLE).map(([name, column]) => ({
      name,
      sqlType: column.sqlType,
      nullable: column.nullable,
      primary: name === DOSSIER_PRIMARY_KEY,
    }));
    expect(mapped).toEqual(expected);
  });
});
