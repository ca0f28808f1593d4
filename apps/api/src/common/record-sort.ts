import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RECORD_SORTS, RecordSort } from '@irm/contracts';
import { decodeCursor, PageQueryDto, UUID_PATTERN } from './pagination';

export class SortedPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RECORD_SORTS, default: 'name', description: 'A leading "-" sorts descending' })
  @IsOptional()
  @IsIn(RECORD_SORTS, { message: `sort must be one of ${RECORD_SORTS.join(', ')}` })
  sort: RecordSort = 'name';
}

/** The SQL of one keyset order over a record table: ORDER BY, the cursor's key and the "after the cursor" test. */
export interface Keyset {
  orderBy: string;
  /** Text of the sort value to put in the cursor; timestamps keep their microseconds so no row is skipped. */
  sortKey: string;
  after: (value: string, id: string) => string;
}

const TIMESTAMP_COLUMNS: Partial<Record<string, string>> = { updatedAt: 'updated_at', createdAt: 'created_at' };

/** `nameColumn` is what `name` sorts by (an organization's name, a contact's full name); ties break on id. */
export function recordKeyset(alias: string, nameColumn: string, sort: RecordSort): Keyset {
  const descending = sort.startsWith('-');
  const field = sort.replace(/^-/, '');
  const timestamp = TIMESTAMP_COLUMNS[field];
  const column = `${alias}.${timestamp ?? nameColumn}`;
  const direction = descending ? 'DESC' : 'ASC';
  return {
    orderBy: `${column} ${direction}, ${alias}.id ${direction}`,
    sortKey: timestamp ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : column,
    after: (value, id) =>
      `(${column}, ${alias}.id) ${descending ? '<' : '>'} (${value}${timestamp ? '::timestamptz' : ''}, ${id}::uuid)`,
  };
}

/** A cursor is only good for the order it was made in; another order's cursor is a 400. */
export function decodeSortCursor(cursor: string | undefined, sort: RecordSort): [string, string] | undefined {
  if (!cursor) return undefined;
  const [, value, id] = decodeCursor(
    cursor,
    3,
    ([madeFor, , id]) => madeFor === sort && UUID_PATTERN.test(String(id)),
  ) as [string, string, string];
  return [value, id];
}
