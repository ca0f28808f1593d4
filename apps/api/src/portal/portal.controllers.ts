import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import {
  PipelineKind,
  type PortalAssignment,
  type PortalDocument,
  type PortalDocumentInfo,
  type PortalMessage,
  type PortalReply,
  type PortalSubmitted,
  type PortalTracking,
  type PublicAgency,
  type PublicEvent,
  type PublicZone,
} from '@irm/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { toStreamableFile } from '../common/download';
import { AppConfig } from '../config/app-config';
import { PortalAssignmentService } from './portal-assignment.service';
import { PortalRepliesService } from './portal-replies.service';
import { PortalSubmissionsService } from './portal-submissions.service';
import { PortalThrottle } from './portal-throttle';
import { PortalTrackingService } from './portal-tracking.service';
import {
  DocumentListQueryDto,
  PortalAssignmentDto,
  PortalAssignmentViewDto,
  PortalDocumentDto,
  PortalDocumentInfoDto,
  PortalMessageDto,
  PortalMessageViewDto,
  PortalReplyDto,
  PortalReplyViewDto,
  PortalResendDto,
  PortalSubmittedDto,
  PortalTrackingDto,
  PublicAgencyDto,
  PublicEventDto,
  PublicEventRegistrationDto,
  PublicLandEnquiryDto,
  PublicLoanApplicationDto,
  PublicZoneDto,
  PublicZonePageDto,
  PublicZoneQueryDto,
} from './portal.dto';
import { PortalRepository, PublicZoneRow } from './portal.repository';
import { toPublicAgency } from './public-agency';

/** The catalogue changes when land is leased or reserved: a minute of caching, revalidated by ETag. */
const CATALOGUE_CACHE = 'public, max-age=60, stale-while-revalidate=300';

function toPublicZone(row: PublicZoneRow): PublicZone {
  return { ...row, updatedAt: new Date(row.updatedAt).toISOString() };
}

/** Answers 304 when the client holds this body already; sets the cache headers either way. */
function cacheable<T>(request: FastifyRequest, reply: FastifyReply, body: T): T | undefined {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  void reply.header('cache-control', CATALOGUE_CACHE).header('etag', etag).header('vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === etag) {
    void reply.status(304);
    return undefined;
  }
  return body;
}

@ApiTags('public')
@Controller('public')
export class PublicCatalogueController {
  constructor(
    private readonly portal: PortalRepository,
    private readonly config: AppConfig,
  ) {}

  @Get('zones')
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: PublicZonePageDto, description: 'Every zone that matches (the catalogue comes whole)' })
  async zones(
    @Query() query: PublicZoneQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ items: PublicZone[]; nextCursor: null } | undefined> {
    const rows = await this.portal.publicZones(query);
    return cacheable(request, reply, { items: rows.map(toPublicZone), nextCursor: null });
  }

  @Get('zones/:id')
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: PublicZoneDto })
  @ApiNotFoundResponse()
  async zone(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicZone | undefined> {
    const [row] = await this.portal.publicZones({ id });
    if (!row) throw new AppException(ErrorCode.NotFound, 'This zone does not exist.');
    return cacheable(request, reply, toPublicZone(row));
  }

  @Get('agency')
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: PublicAgencyDto, description: 'Who runs the portal: name, address and contact' })
  async agency(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicAgency | undefined> {
    return cacheable(request, reply, toPublicAgency(await this.portal.provinceSettings()));
  }

  @Get('events')
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: [PublicEventDto], description: 'Events still to come or under way, soonest first' })
  async events(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicEvent[] | undefined> {
    return cacheable(request, reply, await this.portal.publicEvents(this.config.TZ_BUSINESS));
  }

  @Get('events/:id')
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: PublicEventDto })
  @ApiNotFoundResponse()
  async event(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicEvent | undefined> {
    const [row] = await this.portal.publicEvents(this.config.TZ_BUSINESS, id);
    if (!row) throw new AppException(ErrorCode.NotFound, 'This event does not exist.');
    return cacheable(request, reply, row);
  }
}

@ApiTags('public')
@Controller('public')
@UseGuards(PortalThrottle)
@ApiTooManyRequestsResponse({ description: 'Too many posts from this address or for this email (Retry-After)' })
export class PublicFormsController {
  constructor(private readonly submissions: PortalSubmissionsService) {}

  @Post('land-enquiries')
  @RequireAccess(Access.Public)
  @ApiCreatedResponse({
    type: PortalSubmittedDto,
    description: 'Received; the confirmation email carries the same link',
  })
  @ApiUnprocessableEntityResponse({ description: 'The zone does not exist' })
  landEnquiry(@Body() body: PublicLandEnquiryDto): Promise<PortalSubmitted> {
    return this.submissions.landEnquiry(body);
  }

  @Post('loan-applications')
  @RequireAccess(Access.Public)
  @ApiCreatedResponse({ type: PortalSubmittedDto })
  loanApplication(@Body() body: PublicLoanApplicationDto): Promise<PortalSubmitted> {
    return this.submissions.loanApplication(body);
  }

  @Post('events/:id/registrations')
  @RequireAccess(Access.Public)
  @ApiCreatedResponse({ type: PortalSubmittedDto })
  @ApiNotFoundResponse({ description: 'No such event' })
  @ApiUnprocessableEntityResponse({ description: 'The event has ended' })
  eventRegistration(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PublicEventRegistrationDto,
  ): Promise<PortalSubmitted> {
    return this.submissions.eventRegistration(id, body);
  }
}

@ApiTags('public')
@Controller('public/track')
export class PublicTrackingController {
  constructor(
    private readonly tracking: PortalTrackingService,
    private readonly throttle: PortalThrottle,
  ) {}

  @Post('resend')
  @HttpCode(202)
  @RequireAccess(Access.Public)
  @UseGuards(PortalThrottle)
  @ApiAcceptedResponse({ description: 'Always: links go to the address if it has open submissions' })
  @ApiTooManyRequestsResponse()
  async resend(@Body() body: PortalResendDto): Promise<void> {
    await this.tracking.resend(body.email);
  }

  @Get(':token')
  @RequireAccess(Access.Public)
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', 'no-referrer')
  @ApiOkResponse({ type: PortalTrackingDto })
  @ApiNotFoundResponse({ description: 'Made up, expired or no longer valid: all alike' })
  @ApiTooManyRequestsResponse({ description: 'Too many links that did not work from this address' })
  view(@Param('token') token: string, @Req() request: FastifyRequest): Promise<PortalTracking> {
    return this.throttle.lookup(request.ip, () => this.tracking.view(token));
  }

  @Post(':token/messages')
  @RequireAccess(Access.Public)
  @UseGuards(PortalThrottle)
  @ApiCreatedResponse({ type: PortalMessageViewDto })
  @ApiNotFoundResponse()
  @ApiTooManyRequestsResponse()
  message(@Param('token') token: string, @Body() body: PortalMessageDto): Promise<PortalMessage> {
    return this.tracking.message(token, body.body);
  }

  @Post(':token/documents')
  @RequireAccess(Access.Public)
  @UseGuards(PortalThrottle)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or XLSX' } },
    },
  })
  @ApiCreatedResponse({ type: PortalDocumentDto })
  @ApiNotFoundResponse()
  @ApiPayloadTooLargeResponse({ description: 'Larger than PORTAL_UPLOAD_MAX_MB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PDF, JPEG, PNG or XLSX by its content' })
  @ApiTooManyRequestsResponse()
  upload(@Param('token') token: string, @Req() request: FastifyRequest): Promise<PortalDocument> {
    return this.tracking.upload(token, request);
  }
}

@ApiTags('portal')
@Controller()
export class PortalStaffController {
  constructor(
    private readonly replies: PortalRepliesService,
    private readonly tracking: PortalTrackingService,
    private readonly assignment: PortalAssignmentService,
  ) {}

  @Post('land-enquiries/:id/portal-replies')
  @RequireAccess(Access.OwnerOrManager)
  @ApiCreatedResponse({ type: PortalReplyViewDto, description: 'In the investor’s thread and on its way by email' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'The item did not come through the portal' })
  replyToLandEnquiry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PortalReplyDto,
  ): Promise<PortalReply> {
    return this.replies.reply(principal, PipelineKind.LandEnquiry, id, body);
  }

  @Post('loan-applications/:id/portal-replies')
  @RequireAccess(Access.OwnerOrManager)
  @ApiCreatedResponse({ type: PortalReplyViewDto })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'The item did not come through the portal' })
  replyToLoanApplication(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PortalReplyDto,
  ): Promise<PortalReply> {
    return this.replies.reply(principal, PipelineKind.LoanApplication, id, body);
  }

  @Post('event-contacts/:id/portal-replies')
  @RequireAccess(Access.OwnerOrManager)
  @ApiCreatedResponse({ type: PortalReplyViewDto })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'The item did not come through the portal' })
  replyToEventContact(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PortalReplyDto,
  ): Promise<PortalReply> {
    return this.replies.reply(principal, PipelineKind.EventContact, id, body);
  }

  @Get('portal-documents')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [PortalDocumentInfoDto], description: 'What the investor uploaded for an item, newest first' })
  documents(@Query() query: DocumentListQueryDto): Promise<PortalDocumentInfo[]> {
    return this.tracking.documentsOfItem(query.itemId);
  }

  @Get('portal-documents/:id/download')
  @RequireAccess(Access.User)
  @Header('x-content-type-options', 'nosniff')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file, as an attachment with the type recognised at upload' })
  @ApiNotFoundResponse()
  async download(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    return toStreamableFile(await this.tracking.download(id));
  }

  @Get('settings/portal-assignment')
  @RequireAccess(Access.Manager)
  @ApiOkResponse({ type: PortalAssignmentViewDto })
  getAssignment(): Promise<PortalAssignment> {
    return this.assignment.get();
  }

  @Put('settings/portal-assignment')
  @RequireAccess(Access.Manager)
  @ApiOkResponse({ type: PortalAssignmentViewDto })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'A named user is not active' })
  putAssignment(@Body() body: PortalAssignmentDto): Promise<PortalAssignment> {
    return this.assignment.update(body);
  }
}
