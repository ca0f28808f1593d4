import { Module } from '@nestjs/common';
import { LandBankService } from './land-bank.service';
import { ZonesController } from './zones.controller';
import { ZonesRepository } from './zones.repository';
import { ZonesService } from './zones.service';

/** Zones and their land bank; LandBankService is how other modules (the pipelines) move land. */
@Module({
  controllers: [ZonesController],
  providers: [ZonesService, ZonesRepository, LandBankService],
  exports: [ZonesService, LandBankService],
})
export class ZonesModule {}
