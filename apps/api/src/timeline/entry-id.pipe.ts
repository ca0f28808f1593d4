import { Injectable, PipeTransform } from '@nestjs/common';
import { AppException, ErrorCode } from '../common/app-exception';

/** Timeline entry ids are positive integers (kept as text: they may exceed 2^53). */
@Injectable()
export class EntryIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[1-9]\d{0,17}$/.test(value)) {
      throw new AppException(ErrorCode.ValidationFailed, 'id: must be a timeline entry id', [
        { field: 'id', message: 'must be a timeline entry id' },
      ]);
    }
    return value;
  }
}
