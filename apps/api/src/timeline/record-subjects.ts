import { RecordSubjectType } from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '../common/app-exception';

/**
 * The tables behind each subject type, and the column that names a row. A pipeline's records get a
 * timeline and tasks by adding their table here; until then their type is refused with a 400.
 */
const SUBJECT_TABLES: Partial<Record<RecordSubjectType, { table: string; name: string }>> = {
  [RecordSubjectType.Organization]: { table: 'organization', name: 'name' },
  [RecordSubjectType.Contact]: { table: 'contact', name: 'full_name' },
  [RecordSubjectType.Zone]: { table: 'zone', name: 'name' },
  // Pipeline items of every kind share one table; the kind column tells them apart.
  [RecordSubjectType.Prospect]: { table: 'pipeline_item', name: 'title' },
  [RecordSubjectType.LandEnquiry]: { table: 'pipeline_item', name: 'title' },
  [RecordSubjectType.LoanApplication]: { table: 'pipeline_item', name: 'title' },
  [RecordSubjectType.EventContact]: { table: 'pipeline_item', name: 'title' },
};

/** Item kinds are the subject types of the same name. */
function kindFilter(type: RecordSubjectType, table: string): string {
  return table === 'pipeline_item' ? ` AND kind = '${type}'` : '';
}

function tableOf(type: RecordSubjectType, field: string) {
  const table = SUBJECT_TABLES[type];
  if (!table) {
    throw new AppException(ErrorCode.ValidationFailed, `Records of type ${type} do not exist yet.`, [
      { field, message: `has no records yet: use one of ${Object.keys(SUBJECT_TABLES).join(', ')}` },
    ]);
  }
  return table;
}

/** Whether the record exists; a type without records is a 400 naming `field`. */
export async function subjectExists(
  manager: EntityManager,
  type: RecordSubjectType,
  id: string,
  field = 'subjectType',
): Promise<boolean> {
  const { table } = tableOf(type, field);
  return (await manager.query(`SELECT 1 FROM ${table} WHERE id = $1${kindFilter(type, table)}`, [id])).length > 0;
}

/**
 * The name of the subject of rows aliased `alias` (with subject_type, subject_id columns) as one SQL expression,
 * null when it has none: a scalar subquery on the subject's table, run for the rows shown only and planned apart
 * (joining every subject table made planning the costliest part of a short page).
 */
export function subjectNameSql(alias: string): string {
  const cases = Object.entries(SUBJECT_TABLES).map(
    ([type, { table, name }]) =>
      `WHEN '${type}' THEN (SELECT n.${name} FROM ${table} n WHERE n.id = ${alias}.subject_id)`,
  );
  return `CASE ${alias}.subject_type ${cases.join(' ')} END`;
}
