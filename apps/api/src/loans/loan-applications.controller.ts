import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { LoanApplication, LoanTranche, Page, StageMove } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import { ItemListQueryDto, MoveDto, StageMoveDto, VersionQueryDto } from '../items/items.dto';
import {
  CreateLoanApplicationDto,
  LoanApplicationDto,
  LoanApplicationPageDto,
  ReceiveLoanDocumentDto,
  UpdateLoanApplicationDto,
} from './loan-application.dto';
import { LoanApplicationsService } from './loan-applications.service';
import {
  ConfirmLoanTrancheDto,
  CreateLoanTrancheDto,
  LoanTrancheDto,
  TrancheVersionDto,
  TrancheVersionQueryDto,
  UpdateLoanTrancheDto,
} from './loan-tranche.dto';
import { LoanTranchesService } from './loan-tranches.service';

const uuid = () => new ParseUUIDPipe();

@ApiTags('loan applications')
@Controller('loan-applications')
export class LoanApplicationsController {
  constructor(
    private readonly applications: LoanApplicationsService,
    private readonly tranches: LoanTranchesService,
  ) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: LoanApplicationPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ItemListQueryDto): Promise<Page<LoanApplication>> {
    return this.applications.list(principal, query);
  }

  @Get(':id')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: LoanApplicationDto })
  get(@Param('id', uuid()) id: string): Promise<LoanApplication> {
    return this.applications.get(id);
  }

  @Get(':id/history')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [StageMoveDto], description: 'Stage moves, newest first' })
  history(@Param('id', uuid()) id: string): Promise<StageMove[]> {
    return this.applications.history(id);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: LoanApplicationDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateLoanApplicationDto): Promise<LoanApplication> {
    return this.applications.create(principal, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: LoanApplicationDto })
  @ApiForbiddenResponse({ description: 'Staff change only applications they own, and never the approved amount' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'The approved amount would fall below the planned tranches' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateLoanApplicationDto,
  ): Promise<LoanApplication> {
    return this.applications.update(principal, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: LoanApplicationDto, description: 'Moved; the application as it is now' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({
    description: 'A rule of the target stage is not met (missing documents are listed, tranches, approval terms)',
  })
  move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: MoveDto,
  ): Promise<LoanApplication> {
    return this.applications.move(principal, id, body);
  }

  @Put(':id/documents/:key')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOperation({ summary: 'Mark a checklist document as received (or change its note); bumps the version' })
  @ApiOkResponse({ type: LoanApplicationDto })
  @ApiNotFoundResponse({ description: 'No such application, or the key is not on the checklist' })
  @ApiConflictResponse({ description: 'Stale version' })
  receiveDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('key') key: string,
    @Body() body: ReceiveLoanDocumentDto,
  ): Promise<LoanApplication> {
    return this.applications.receiveDocument(principal, id, key, body);
  }

  @Delete(':id/documents/:key')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOperation({ summary: 'Un-mark a received document; bumps the version' })
  @ApiOkResponse({ type: LoanApplicationDto })
  @ApiNotFoundResponse({ description: 'No such application, key, or the document was not received' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'The current stage requires the document' })
  removeDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('key') key: string,
    @Query() query: VersionQueryDto,
  ): Promise<LoanApplication> {
    return this.applications.removeDocument(principal, id, key, query.version);
  }

  @Get(':id/tranches')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [LoanTrancheDto], description: 'In the order planned' })
  listTranches(@Param('id', uuid()) id: string): Promise<LoanTranche[]> {
    return this.tranches.list(id);
  }

  @Post(':id/tranches')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOperation({ summary: 'Plan a tranche (once the approved amount is recorded; not once closed)' })
  @ApiCreatedResponse({ type: LoanTrancheDto })
  @ApiConflictResponse({ description: 'Stale application version' })
  @ApiUnprocessableEntityResponse({ description: 'Not approved, closed, or above the approved amount' })
  createTranche(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: CreateLoanTrancheDto,
  ): Promise<LoanTranche> {
    return this.tranches.create(principal, id, body);
  }

  @Patch(':id/tranches/:trancheId')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: LoanTrancheDto })
  @ApiConflictResponse({ description: 'Stale tranche version' })
  @ApiUnprocessableEntityResponse({ description: 'Released, confirmed milestone, or above the approved amount' })
  updateTranche(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('trancheId', uuid()) trancheId: string,
    @Body() body: UpdateLoanTrancheDto,
  ): Promise<LoanTranche> {
    return this.tranches.update(principal, id, trancheId, body);
  }

  @Delete(':id/tranches/:trancheId')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiConflictResponse({ description: 'Stale tranche version' })
  @ApiUnprocessableEntityResponse({ description: 'The tranche is released' })
  removeTranche(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('trancheId', uuid()) trancheId: string,
    @Query() query: TrancheVersionQueryDto,
  ): Promise<void> {
    return this.tranches.remove(principal, id, trancheId, query.version);
  }

  @Post(':id/tranches/:trancheId/confirm')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOperation({ summary: 'Confirm the milestone with the progress reported (at least the required progress)' })
  @ApiOkResponse({ type: LoanTrancheDto })
  @ApiConflictResponse({ description: 'Stale tranche version' })
  @ApiUnprocessableEntityResponse({ description: 'Progress below the milestone, or already confirmed' })
  confirmTranche(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('trancheId', uuid()) trancheId: string,
    @Body() body: ConfirmLoanTrancheDto,
  ): Promise<LoanTranche> {
    return this.tranches.confirm(principal, id, trancheId, body);
  }

  @Post(':id/tranches/:trancheId/release')
  @HttpCode(200)
  @RequireAccess(Access.OwnerOrManager)
  @ApiOperation({ summary: 'Record the release of a confirmed tranche (Disbursing stage only)' })
  @ApiOkResponse({ type: LoanTrancheDto })
  @ApiConflictResponse({ description: 'Stale tranche version' })
  @ApiUnprocessableEntityResponse({ description: 'Milestone not confirmed, or not in the Disbursing stage' })
  releaseTranche(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('trancheId', uuid()) trancheId: string,
    @Body() body: TrancheVersionDto,
  ): Promise<LoanTranche> {
    return this.tranches.release(principal, id, trancheId, body.version);
  }
}
