import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ZonesModule } from '../zones/zones.module';
import { LandEnquiriesController } from './land-enquiries.controller';
import { LandEnquiriesService } from './land-enquiries.service';

@Module({
  imports: [ItemsModule, ZonesModule],
  controllers: [LandEnquiriesController],
  providers: [LandEnquiriesService],
  exports: [LandEnquiriesService],
})
export class LandEnquiriesModule {}
