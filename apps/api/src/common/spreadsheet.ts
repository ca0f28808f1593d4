import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ExportFormat } from '@irm/contracts';

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  [ExportFormat.Csv]: 'text/csv; charset=utf-8',
  [ExportFormat.Xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type CellValue = string | number | null | undefined;

/** Excel reads a CSV as UTF-8 (and so shows Vietnamese letters) only when it starts with this. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a leading = + - @ is
 * escaped with an apostrophe so a spreadsheet shows it as text instead of running it as a formula.
 */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",;\r\n\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A CSV document as a stream: BOM, header, then the rows as they come. */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly CellValue[]> | Iterable<readonly CellValue[]>,
): Readable {
  return Readable.from(
    (async function* () {
      yield UTF8_BOM + csvLine(header);
      for await (const row of rows) yield csvLine(row);
    })(),
  );
}

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: AsyncIterable<readonly CellValue[]> | Iterable<readonly CellValue[]>;
  /** Column widths in characters. */
  widths?: readonly number[];
}

/**
 * An .xlsx workbook written as a stream, row by row, so a large export never sits in memory. Every value is
 * written as typed (text stays text: no formulas, no lost leading zeros).
 */
export function xlsxStream(sheets: readonly SheetSpec[]): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  void (async () => {
    for (const spec of sheets) {
      const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = spec.header.map((header, index) => ({
        header,
        width: spec.widths?.[index] ?? Math.min(Math.max(header.length + 4, 14), 40),
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const row of spec.rows) sheet.addRow(row.map((value) => value ?? null)).commit();
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/** A download file name such as `investors-2026-11-28.csv`, dated in the business time zone. */
export function datedFileName(stem: string, extension: string, timeZone: string, now = new Date()): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  return `${stem}-${date}.${extension}`;
}
