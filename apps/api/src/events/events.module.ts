import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ItemsModule } from '../items/items.module';
import { EventFollowUpPlanner } from '../reminders/event-follow-up.planner';
import { RecordLinksModule } from '../records/record-links';
import { AttendeeLinks } from './attendee-links';
import { AttendeesController } from './attendees.controller';
import { AttendeesRepository } from './attendees.repository';
import { AttendeesService } from './attendees.service';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

/** Promotion events, who attended them (each with an event contact) and what they returned. */
@Module({
  imports: [ItemsModule, RecordLinksModule, CalendarModule],
  controllers: [EventsController, AttendeesController],
  providers: [
    EventFollowUpPlanner,
    EventsService,
    EventsRepository,
    AttendeesService,
    AttendeesRepository,
    AttendeeLinks,
  ],
  // Attendee imports check access when a list is uploaded and add its people in the worker.
  exports: [AttendeesService],
})
export class EventsModule {}
