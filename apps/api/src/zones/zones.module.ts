import { Module } from '@nestjs/common';
import { RecordLinksModule } from '../records/record-links';
import { LandBankService } from './land-bank.service';
import { ZoneLinks } from './zone-links';
import { ZonesController } from './zones.controller';
import { ZonesRepository } from './zones.repository';
import { ZonesService } from './zones.service';

/** Zones and their land bank; LandBankService is how other modules (the pipelines) move land. */
@Module({
  imports: [RecordLinksModule],
  controllers: [ZonesController],
  providers: [ZonesService, ZonesRepository, LandBankService, ZoneLinks],
  exports: [ZonesService, LandBankService],
})
export class ZonesModule {}
