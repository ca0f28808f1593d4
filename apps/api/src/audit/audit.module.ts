import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every module that changes data records it here. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditRepository, AuditQueryService],
  exports: [AuditService],
})
export class AuditModule {}
