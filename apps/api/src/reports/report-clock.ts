import { Injectable } from '@nestjs/common';

/** The moment reports count "today" and "so far" from; one place for tests to hold time still. */
@Injectable()
export class ReportClock {
  now(): Date {
    return new Date();
  }
}
