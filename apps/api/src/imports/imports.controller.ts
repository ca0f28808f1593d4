import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import {
  IMPORT_MAX_FILE_BYTES,
  ImportEntity,
  type ImportCreated,
  type ImportJob,
  type ImportRowErrorItem,
  type Page,
} from '@irm/contracts';
import type { FastifyRequest } from 'fastify';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { toStreamableFile } from '../common/download';
import {
  ImportCreatedDto,
  ImportEntityParamDto,
  ImportErrorsQueryDto,
  ImportJobDto,
  ImportJobPageDto,
  ImportListQueryDto,
  ImportRowErrorPageDto,
  TemplateQueryDto,
} from './imports.dto';
import { ImportsService } from './imports.service';
import { readImportUpload } from './upload';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @RequireAccess(Access.User)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'entity'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV (UTF-8, with or without BOM) or .xlsx' },
        entity: { type: 'string', enum: Object.values(ImportEntity) },
        dryRun: { type: 'boolean', default: false },
        eventId: {
          type: 'string',
          format: 'uuid',
          description: 'Required for `attendees`: the event the listed people attended',
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportCreatedDto, description: 'Queued; follow it with GET /api/imports/{id}' })
  @ApiPayloadTooLargeResponse({ description: `Files over ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB` })
  @ApiUnsupportedMediaTypeResponse({ description: 'Neither CSV (UTF-8) nor .xlsx' })
  @ApiForbiddenResponse({ description: 'Attendees: staff import only into their own events (as they add attendees)' })
  @ApiUnprocessableEntityResponse({ description: 'Attendees: the event does not exist' })
  async create(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ImportCreated> {
    return this.imports.upload(principal, await readImportUpload(request));
  }

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ImportJobPageDto, description: 'Your imports; managers see everyone’s. Newest first.' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ImportListQueryDto): Promise<Page<ImportJob>> {
    return this.imports.list(principal, query);
  }

  @Get('templates/:entity')
  @RequireAccess(Access.User)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'An empty file with the expected columns (XLSX adds a guide sheet)' })
  template(
    @CurrentPrincipal() principal: Principal,
    @Param() { entity }: ImportEntityParamDto,
    @Query() query: TemplateQueryDto,
  ): StreamableFile {
    return toStreamableFile(this.imports.template(principal, entity, query.format, query.lang));
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ImportJobDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ImportJob> {
    return this.imports.get(principal, id);
  }

  @Get(':id/errors')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ImportRowErrorPageDto })
  errors(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ImportErrorsQueryDto,
  ): Promise<Page<ImportRowErrorItem>> {
    return this.imports.errors(principal, id, query);
  }

  @Get(':id/errors.csv')
  @RequireAccess(Access.User)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The failed rows with their errors, ready to fix and import again' })
  async errorsCsv(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    return toStreamableFile(await this.imports.errorsCsv(principal, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: ImportJobDto })
  @ApiConflictResponse({ description: 'The import has already ended' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ImportJob> {
    return this.imports.cancel(principal, id);
  }

  @Post(':id/apply')
  @HttpCode(202)
  @RequireAccess(Access.OwnerOrManager)
  @ApiAcceptedResponse({ type: ImportCreatedDto, description: 'The real import of a dry run, queued' })
  @ApiConflictResponse({ description: 'Not a completed dry run, or applied already' })
  apply(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ImportCreated> {
    return this.imports.apply(principal, id);
  }
}
