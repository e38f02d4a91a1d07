export * from './reference-data';
export * from './reference-data.module';
export * from './reference-data.service';
export * from './shipped-reference';
