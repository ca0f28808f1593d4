import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { AuditPageDto, AuditQueryDto } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @RequireAccess(Access.Manager)
  @ApiOkResponse({ type: AuditPageDto, description: 'Who changed what and when, newest first' })
  find(@Query() query: AuditQueryDto): Promise<Page<AuditEvent>> {
    return this.audit.find(query);
  }
}
