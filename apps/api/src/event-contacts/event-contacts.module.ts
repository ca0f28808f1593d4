import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { LandEnquiriesModule } from '../land-enquiries/land-enquiries.module';
import { LoansModule } from '../loans/loans.module';
import { EventContactsController } from './event-contacts.controller';
import { EventContactsService } from './event-contacts.service';

@Module({
  imports: [ItemsModule, LandEnquiriesModule, LoansModule],
  controllers: [EventContactsController],
  providers: [EventContactsService],
})
export class EventContactsModule {}
