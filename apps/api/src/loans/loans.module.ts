import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ItemsModule } from '../items/items.module';
import { LoanDeadlineReminders } from './loan-deadline-reminders';
import { LoanApplicationsController } from './loan-applications.controller';
import { LoanApplicationsService } from './loan-applications.service';
import { LoanTranchesService } from './loan-tranches.service';
import { LoansRepository } from './loans.repository';

/** Preferential-loan applications: the pipeline kind, its document checklist and disbursement tranches. */
@Module({
  imports: [ItemsModule, CalendarModule],
  controllers: [LoanApplicationsController],
  providers: [LoanApplicationsService, LoanTranchesService, LoansRepository, LoanDeadlineReminders],
  exports: [LoanApplicationsService],
})
export class LoansModule {}
