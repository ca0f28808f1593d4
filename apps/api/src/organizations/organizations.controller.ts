import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { DuplicateGroup, MergeResult, Organization, Page } from '@irm/contracts';
import { PageQueryDto } from '../common/pagination';
import { CreateRecordQueryDto, DuplicateGroupPageDto, MergeRequestDto, MergeResultDto } from '../records/records.dto';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import {
  CreateOrganizationDto,
  DeleteOrganizationQueryDto,
  OrganizationDto,
  OrganizationListQueryDto,
  OrganizationPageDto,
  UpdateOrganizationDto,
} from './organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: OrganizationPageDto })
  list(@Query() query: OrganizationListQueryDto): Promise<Page<Organization>> {
    return this.organizations.list(query);
  }

  @Get('duplicates')
  @RequireAccess(Access.User)
  @ApiOkResponse({
    type: DuplicateGroupPageDto,
    description: 'Investors whose names match without accents and company forms',
  })
  duplicates(@Query() query: PageQueryDto): Promise<Page<DuplicateGroup>> {
    return this.organizations.duplicates(query.cursor, query.limit);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Organization> {
    return this.organizations.get(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiConflictResponse({
    description:
      'The tax code belongs to another investor, or the name is close to one (candidates listed; repeat with confirmDuplicate=true)',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOrganizationDto,
    @Query() query: CreateRecordQueryDto,
  ): Promise<Organization> {
    return this.organizations.create(principal, body, query.confirmDuplicate);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: MergeResultDto, description: 'The duplicate was merged into this investor and deleted' })
  @ApiForbiddenResponse({ description: 'Staff merge only investors they own' })
  @ApiConflictResponse({ description: 'Either version is stale' })
  merge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MergeRequestDto,
  ): Promise<MergeResult> {
    return this.organizations.merge(principal, id, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: OrganizationDto })
  @ApiForbiddenResponse({ description: 'Staff change only investors they own' })
  @ApiConflictResponse({ description: 'Stale version or taken tax code' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<Organization> {
    return this.organizations.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeleteOrganizationQueryDto,
  ): Promise<void> {
    return this.organizations.remove(principal, id, query.version);
  }
}
