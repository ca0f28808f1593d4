import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Contact, DuplicateGroup, MergeResult, Page } from '@irm/contracts';
import { PageQueryDto } from '../common/pagination';
import { CreateRecordQueryDto, DuplicateGroupPageDto, MergeRequestDto, MergeResultDto } from '../records/records.dto';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import {
  CreateContactDto,
  DeleteContactQueryDto,
  ContactDto,
  ContactListQueryDto,
  ContactPageDto,
  UpdateContactDto,
} from './contact.dto';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ContactPageDto })
  list(@Query() query: ContactListQueryDto): Promise<Page<Contact>> {
    return this.contacts.list(query);
  }

  @Get('duplicates')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: DuplicateGroupPageDto, description: 'Contacts at one organization whose names match' })
  duplicates(@Query() query: PageQueryDto): Promise<Page<DuplicateGroup>> {
    return this.contacts.duplicates(query.cursor, query.limit);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ContactDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Contact> {
    return this.contacts.get(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: ContactDto })
  @ApiConflictResponse({
    description:
      'The email belongs to another contact, or the phone or a close name matches one (candidates listed; repeat with confirmDuplicate=true)',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateContactDto,
    @Query() query: CreateRecordQueryDto,
  ): Promise<Contact> {
    return this.contacts.create(principal, body, query.confirmDuplicate);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: MergeResultDto, description: 'The duplicate was merged into this contact and deleted' })
  @ApiForbiddenResponse({ description: 'Staff merge only contacts they own' })
  @ApiConflictResponse({ description: 'Either version is stale' })
  merge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MergeRequestDto,
  ): Promise<MergeResult> {
    return this.contacts.merge(principal, id, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: ContactDto })
  @ApiForbiddenResponse({ description: 'Staff change only contacts they own' })
  @ApiConflictResponse({ description: 'Stale version or taken email' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateContactDto,
  ): Promise<Contact> {
    return this.contacts.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeleteContactQueryDto,
  ): Promise<void> {
    return this.contacts.remove(principal, id, query.version);
  }
}
