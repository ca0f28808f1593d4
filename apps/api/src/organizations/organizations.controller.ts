import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Organization, Page } from '@irm/contracts';
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

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: OrganizationDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Organization> {
    return this.organizations.get(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiConflictResponse({ description: 'The tax code belongs to another investor' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganizationDto): Promise<Organization> {
    return this.organizations.create(principal, body);
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
