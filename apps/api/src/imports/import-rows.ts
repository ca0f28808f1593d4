import { IMPORT_MAX_ROWS, type ImportEntity, type ImportFormat } from '@irm/contracts';
import { Readable } from 'node:stream';
import { findHeader, HEADER_SEARCH_ROWS, HeaderMapping, unescapeCell } from './import-columns';
import type { ImportRow } from './importers/importer';
import { readRows, SheetRow, UnreadableFileError } from './table-reader';

/** The header row and what it maps, read from the first rows of a file. */
export interface FileHeader {
  rowNumber: number;
  mapping: HeaderMapping;
}

/** Slices a file is fed to a parser in, so reading the first rows does not parse all of it. */
export function slices(content: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < content.length; offset += size) yield content.subarray(offset, offset + size);
    })(),
  );
}

/** Reads just far enough to find the header (the first rows); null for a file without rows. */
export async function readHeader(
  entity: ImportEntity,
  format: ImportFormat,
  source: Readable,
): Promise<FileHeader | null> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(format, source)) {
    rows.push(row);
    if (rows.length >= HEADER_SEARCH_ROWS) break;
  }
  const header = findHeader(entity, rows);
  return header && { rowNumber: header.row.rowNumber, mapping: header.mapping };
}

/** The header found in the first rows, and the data rows after it as they stream in. */
async function openTable(
  entity: ImportEntity,
  format: ImportFormat,
  source: Readable,
): Promise<{ mapping: HeaderMapping; rows: AsyncGenerator<SheetRow> } | null> {
  const rows = readRows(format, source);
  const head: SheetRow[] = [];
  // Not `for await ... break`, which would close the reader before the rest is read.
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  const header = findHeader(entity, head);
  if (!header) return null;
  if (header.mapping.missing.length > 0)
    throw new UnreadableFileError(`Columns are missing: ${header.mapping.missing.map((c) => c.vi).join(', ')}.`);
  const headerRow = header.row.rowNumber;
  return {
    mapping: header.mapping,
    rows: (async function* () {
      try {
        for (const row of head) if (row.rowNumber > headerRow) yield row;
        for (let next = await rows.next(); !next.done; next = await rows.next()) yield next.value;
      } finally {
        await rows.return(undefined);
      }
    })(),
  };
}

/** The data rows after the header, each with its non-empty cells by field. */
export async function* readImportRows(
  entity: ImportEntity,
  format: ImportFormat,
  source: Readable,
): AsyncGenerator<ImportRow> {
  const table = await openTable(entity, format, source);
  if (!table) return;
  const toImportRow = importRowMaker(table.mapping);
  for await (const row of table.rows) yield toImportRow(row);
}

/** How many data rows the file has; reading them all also proves the whole file readable. */
export async function countDataRows(
  entity: ImportEntity,
  format: ImportFormat,
  source: Readable,
  maxRows = IMPORT_MAX_ROWS,
): Promise<number> {
  const table = await openTable(entity, format, source);
  let count = 0;
  if (!table) return count;
  for await (const row of table.rows) {
    if (row && ++count > maxRows) {
      await table.rows.return(undefined);
      throw new UnreadableFileError(
        `The file has more than ${maxRows.toLocaleString('en')} rows; split it into smaller files.`,
      );
    }
  }
  return count;
}

function importRowMaker(mapping: HeaderMapping): (row: SheetRow) => ImportRow {
  const fields = [...mapping.indexByField];
  const width = mapping.headers.length;
  return ({ rowNumber, cells }) => {
    const values = new Map<string, string>();
    for (const [field, index] of fields) {
      const value = cells[index]?.trim();
      if (value) values.set(field, unescapeCell(value));
    }
    const extra = cells.slice(width).filter((cell) => cell.trim() !== '');
    return {
      rowNumber,
      values,
      // Built only for the rows that need it (errors), not for every row of a large file.
      get raw() {
        const raw: Record<string, string> = {};
        mapping.headers.forEach((header, index) => {
          if (header) raw[header] = cells[index] ?? '';
        });
        return raw;
      },
      ...(extra.length > 0
        ? {
            problem: `has ${width + extra.length} or more cells but the header has ${width} columns (a separator inside an unquoted value?)`,
          }
        : {}),
    };
  };
}
