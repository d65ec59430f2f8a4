import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { REFERENCE_CODE_CONSTRAINTS, REFERENCE_CODE_LOOKUP } from '@lib/validation';
import { CountriesController, ForumsController, OfficesController } from './reference.controllers';
import { ReferenceService } from './reference.service';
import { ValidatorContainer } from './validator-container';

/**
 * The reference lists and the check behind @ReferenceCode: its constraints
 * are providers here, and this module is class-validator's container
 * (ValidatorContainer), so every DTO's reference fields are read from the tables.
 */
@Module({
  imports: [PersistenceModule],
  controllers: [ForumsController, CountriesController, OfficesController],
  providers: [
    ReferenceService,
    ValidatorContainer,
    { provide: REFERENCE_CODE_LOOKUP, useExisting: ReferenceService },
    ...REFERENCE_CODE_CONSTRAINTS,
  ],
  exports: [ReferenceService],
})
export class ReferenceModule {}
