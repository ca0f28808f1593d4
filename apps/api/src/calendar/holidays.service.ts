import { Injectable } from '@nestjs/common';
import { AuditAction, Holiday } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { HolidaysRepository } from './holidays.repository';
import { WorkingCalendarService } from './working-calendar.service';

const SUBJECT = 'public_holiday';

@Injectable()
export class HolidaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly holidays: HolidaysRepository,
    private readonly audit: AuditService,
    private readonly calendar: WorkingCalendarService,
  ) {}

  list(year?: number): Promise<Holiday[]> {
    return this.holidays.list(year);
  }

  add(holiday: Holiday): Promise<Holiday> {
    return this.dataSource.transaction(async (manager) => {
      const added = await this.holidays.insert(manager, holiday);
      if (!added) {
        throw new AppException(ErrorCode.Conflict, `${holiday.date} is already a holiday.`, [
          { field: 'date', message: 'is already a holiday' },
        ]);
      }
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: added.date,
        details: { ...added },
      });
      await this.calendar.recomputeSla(manager);
      return added;
    });
  }

  remove(date: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const removed = await this.holidays.delete(manager, date);
      if (!removed) throw new AppException(ErrorCode.NotFound, `${date} is not a holiday.`);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: SUBJECT,
        subjectId: date,
        details: { ...removed },
      });
      await this.calendar.recomputeSla(manager);
    });
  }
}
