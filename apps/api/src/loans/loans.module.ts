import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { LoanApplicationsController } from './loan-applications.controller';
import { LoanApplicationsService } from './loan-applications.service';
import { LoanTranchesService } from './loan-tranches.service';
import { LoansRepository } from './loans.repository';

/** Preferential-loan applications: the pipeline kind, its document checklist and disbursement tranches. */
@Module({
  imports: [ItemsModule],
  controllers: [LoanApplicationsController],
  providers: [LoanApplicationsService, LoanTranchesService, LoansRepository],
  exports: [LoanApplicationsService],
})
export class LoansModule {}
