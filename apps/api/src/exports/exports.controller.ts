import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { toStreamableFile } from '../common/download';
import { ContactExportQueryDto, OrganizationExportQueryDto } from './exports.dto';
import { ExportsService } from './exports.service';

const SPREADSHEETS = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** `GET /api/exports/:entity`: the list endpoint's filters, every matching row, as a file. */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('organizations')
  @RequireAccess(Access.User)
  @ApiProduces(...SPREADSHEETS)
  @ApiOkResponse({ description: 'Investors matching the filters of GET /api/organizations; CSV is UTF-8 with BOM' })
  async organizations(
    @CurrentPrincipal() principal: Principal,
    @Query() query: OrganizationExportQueryDto,
  ): Promise<StreamableFile> {
    return toStreamableFile(await this.exports.organizationsFile(principal, query));
  }

  @Get('contacts')
  @RequireAccess(Access.User)
  @ApiProduces(...SPREADSHEETS)
  @ApiOkResponse({ description: 'Contacts matching the filters of GET /api/contacts; CSV is UTF-8 with BOM' })
  async contacts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ContactExportQueryDto,
  ): Promise<StreamableFile> {
    return toStreamableFile(await this.exports.contactsFile(principal, query));
  }
}
