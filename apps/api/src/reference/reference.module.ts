import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { REFERENCE_CODE_CONSTRAINTS, REFERENCE_CODE_LOOKUP } from '@lib/validation';
import { CountriesController, ForumsController, OfficesController } from './reference.controllers';
import { ReferenceService } from './reference.service';

/**
 * The reference lists and the check behind @ReferenceCode: its constraints
 * are providers here, and configureApp makes this module class-validator's
 * container, so every DTO's reference fields are read from the tables.
 */
@Module({
  imports: [PersistenceModule],
  controllers: [ForumsController, CountriesController, OfficesController],
  providers: [ReferenceService, { provide: REFERENCE_CODE_LOOKUP, useExisting: ReferenceService }, ...REFERENCE_CODE_CONSTRAINTS],
  exports: [ReferenceService],
})
export class ReferenceModule {}
