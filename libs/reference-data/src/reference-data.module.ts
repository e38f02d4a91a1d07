import { Global, Module } from '@nestjs/common';
import { ReferenceDataService } from './reference-data.service';

/** Units, procedures and the calendar in force, for every app of the process. */
@Global()
@Module({ providers: [ReferenceDataService], exports: [ReferenceDataService] })
export class ReferenceDataModule {}
