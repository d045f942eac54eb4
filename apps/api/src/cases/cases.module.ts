import { Module, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { poolOf, type Queryable } from '../database/dataSource.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { CaseAccess } from './caseAccess.js';
import { CaseChanges } from './caseChanges.js';
import { CaseEffects } from './caseEffects.js';
import { CaseEventsRepository } from './caseEvents.repository.js';
import { CaseHostFacts } from './caseHostFacts.js';
import { CaseRunner } from './caseRunner.js';
import { CasesRepository } from './cases.repository.js';
import { CaseTransitions } from './caseTransitions.js';
import { CaseWriter } from './caseWriter.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { FlowInputValidator } from './flowInputValidator.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { LinkedCases } from './linkedCases.js';
import { MediatorAccountsRepository } from './mediatorAccounts.repository.js';
import { NewCases } from './newCases.js';
import { PartiesRepository } from './parties.repository.js';
import { PartyCorrections } from './partyCorrections.js';
import { LinkableCasesController } from './linkableCases.controller.js';
import { LinkableCasesService } from './linkableCases.service.js';

/** A repository on the data source's pg pool (database/dataSource.ts). */
const onPool = (repository: new (db: Queryable) => unknown): Provider => ({
  provide: repository,
  useFactory: (dataSource: DataSource) => new repository(poolOf(dataSource)),
  inject: [DataSource],
});

const REPOSITORIES = [
  CasesRepository,
  CaseEventsRepository,
  IdempotencyRepository,
  PartiesRepository,
  MediatorAccountsRepository,
].map(onPool);
const RUNNER = [
  CaseRunner,
  CaseAccess,
  CaseTransitions,
  CaseHostFacts,
  CaseChanges,
  NewCases,
  PartyCorrections,
  CaseWriter,
  LinkedCases,
  CaseEffects,
];

@Module({
  imports: [OrganizationsModule],
  controllers: [CasesController, LinkableCasesController],
  providers: [...REPOSITORIES, ...RUNNER, CasesService, FlowInputValidator, LinkableCasesService],
  exports: [CaseRunner],
})
export class CasesModule {}
