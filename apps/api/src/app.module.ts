import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { IdentityModule } from './auth/identity.module';
import { DatabaseModule } from './database/database.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { ContactsModule } from './contacts/contacts.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { SearchModule } from './search/search.module';
import { TasksModule } from './tasks/tasks.module';
import { TimelineModule } from './timeline/timeline.module';
import { ZonesModule } from './zones/zones.module';
import { ItemsModule } from './items/items.module';
import { ProspectsModule } from './prospects/prospects.module';
import { EventsModule } from './events/events.module';
import { EventContactsModule } from './event-contacts/event-contacts.module';
import { LoansModule } from './loans/loans.module';
import { LandEnquiriesModule } from './land-enquiries/land-enquiries.module';
import { MailModule } from './mail/mail.module';
import { EmailsModule } from './mail/emails.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { PortalModule } from './portal/portal.module';

/** The HTTP application: every feature module the API serves. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        QueueModule,
        AuditModule,
        IdentityModule,
        HealthModule,
        ZonesModule,
        OrganizationsModule,
        ContactsModule,
        SearchModule,
        PipelinesModule,
        CalendarModule,
        TimelineModule,
        TasksModule,
        ImportsModule,
        ExportsModule,
        ItemsModule,
        ProspectsModule,
        EventsModule,
        EventContactsModule,
        LoansModule,
        LandEnquiriesModule,
        ReportsModule,
        MailModule,
        RemindersModule,
        EmailsModule,
        NotificationsModule,
        PortalModule,
        ...extraModules,
      ],
    };
  }
}
