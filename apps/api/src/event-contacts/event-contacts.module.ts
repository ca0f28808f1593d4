import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { EventContactsController } from './event-contacts.controller';
import { EventContactsService } from './event-contacts.service';

@Module({
  imports: [ItemsModule],
  controllers: [EventContactsController],
  providers: [EventContactsService],
})
export class EventContactsModule {}
