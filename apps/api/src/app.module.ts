import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { SecurityModule } from './security/security.module.js';
import { UsersModule } from './users/users.module.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { Clock } from './common/clock.js';
import { FlowsModule } from './flows/flows.module.js';
import { MeModule } from './me/me.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthController } from './health/health.controller.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ReturnVisitsModule } from './returnVisits/returnVisits.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import type { AppConfig } from './config/config.js';

export interface AppDependencies {
  config: AppConfig;
  dataSource: DataSource;
  clock: Clock;
}

/**
 * The service. Its data source and clock are created outside Nest
 * (the database must be up and migrated first) and passed in.
 */
@Module({})
export class AppModule {
  static with({ config, dataSource, clock }: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        SecurityModule,
        AuthModule,
        UsersModule,
        OrganizationsModule,
        CasesModule,
        FlowsModule,
        DeadlinesModule,
        NotificationsModule,
        ReportsModule,
        CalendarModule,
        MeModule,
        DocumentsModule,
        SupervisionModule,
        ReturnVisitsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: Clock, useValue: clock },
        { provide: 'APP_CONFIG', useValue: config },
      ],
      exports: [DataSource, Clock, 'APP_CONFIG'],
    };
  }
}
