import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { ImportFormat } from '@irm/contracts';
import { AppException, ErrorCode } from '../common/app-exception';

/** A non-empty row of a sheet or CSV file, numbered as a spreadsheet shows it (first line = row 1). */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const NOT_A_TABLE =
  'The file is neither CSV nor an Excel workbook (.xlsx). In Excel use “Save as” → “CSV UTF-8” or “Excel Workbook”.';

/**
 * Tells CSV from XLSX by content, never by name, and turns CSV text into plain UTF-8 without BOM so the
 * worker reads one encoding. Refuses empty, binary, legacy .xls and non-UTF-8 text files.
 */
export function prepareUpload(content: Buffer): { format: ImportFormat; content: Buffer } {
  if (content.length === 0 || content.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)))
    throw new AppException(ErrorCode.BadRequest, 'The file is empty.');
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return { format: ImportFormat.Xlsx, content };
  if (content.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new AppException(
      ErrorCode.UnsupportedMediaType,
      'This is an old Excel 97–2003 file (.xls). Open it in Excel and save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”.',
    );
  }
  return { format: ImportFormat.Csv, content: utf8Text(content) };
}

/** The text as UTF-8 bytes without BOM; UTF-16 (Excel's "Unicode Text") is converted. */
function utf8Text(content: Buffer): Buffer {
  if (content[0] === 0xff && content[1] === 0xfe)
    return checkedText(Buffer.from(content.subarray(2).toString('utf16le'), 'utf8'));
  if (content[0] === 0xfe && content[1] === 0xff)
    return checkedText(Buffer.from(Buffer.from(content.subarray(2)).swap16().toString('utf16le'), 'utf8'));
  const body = content.subarray(0, 3).equals(UTF8_BOM) ? content.subarray(3) : content;
  if (!isUtf8(body)) {
    if (body.includes(0)) throw new AppException(ErrorCode.UnsupportedMediaType, NOT_A_TABLE);
    throw new AppException(
      ErrorCode.UnsupportedMediaType,
      'The file is not UTF-8 text, so Vietnamese letters would be garbled. In Excel use “Save as” → “CSV UTF-8 (Comma delimited)”, or upload the .xlsx file.',
    );
  }
  return checkedText(body);
}

function checkedText(text: Buffer): Buffer {
  // Text never holds control characters other than tab and line breaks; binary data does.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0e-\x1f]/.test(text.subarray(0, 64 * 1024).toString('utf8')))
    throw new AppException(ErrorCode.UnsupportedMediaType, NOT_A_TABLE);
  return text;
}

/**
 * The separator of a CSV file: comma, or what Excel writes in locales that use the comma for decimals
 * (semicolon; Vietnamese Windows does), or tab. Decided by the first line, counting outside quotes.
 */
export function detectDelimiter(head: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Cells of a CSV stream (UTF-8 without BOM, as stored by `prepareUpload`), skipping empty rows. */
async function* csvRows(source: Readable): AsyncGenerator<SheetRow> {
  const chunks = source[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const head = Buffer.from(first.value as Buffer);
  const parser = parse({
    delimiter: detectDelimiter(head.subarray(0, 64 * 1024).toString('utf8')),
    bom: true,
    relax_column_count: true,
    // Blank lines are records too, so a row's number is the one Excel shows for it (a cell's own line
    // breaks do not count). Line info would double the parsing time.
    skip_empty_lines: false,
  });
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value as Buffer;
      }
    })(),
  );
  rest.on('error', (error) => parser.destroy(error));
  rest.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    throw new UnreadableFileError(describeCsvError(error));
  } finally {
    rest.destroy();
    parser.destroy();
  }
}

function describeCsvError(error: unknown): string {
  const e = error as { code?: string; lines?: number; message?: string };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return `A quoted value opened near line ${e.lines ?? '?'} is never closed.`;
  if (e.code?.startsWith('CSV_')) return `The CSV file is malformed near line ${e.lines ?? '?'}: ${e.message}`;
  return `The file could not be read: ${e.message ?? String(error)}`;
}

/** A file whose structure is broken (not a row's values): the import stops before writing anything. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** The text a person sees in a cell, whatever Excel stored (number, rich text, hyperlink, formula, date). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (cell.text !== undefined) return cellText(cell.text);
    if ('result' in cell) return cellText(cell.result);
    if (cell.error !== undefined) return '';
  }
  return String(value);
}

/** Rows of the workbook's first worksheet. */
async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet) {
        const values = (row as unknown as { values: unknown[] }).values;
        const cells: string[] = [];
        // ExcelJS numbers columns from 1 and leaves holes for empty cells.
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
        if (cells.every((cell) => cell.trim() === '')) continue;
        yield { rowNumber: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(
      `The Excel file could not be read (${(error as Error).message}). Open it in Excel and save it again as .xlsx.`,
    );
  }
  if (!sawSheet) throw new UnreadableFileError('The Excel file has no worksheet.');
}

/** The file's non-empty rows, header included, read as a stream. */
export function readRows(format: ImportFormat, source: Readable): AsyncGenerator<SheetRow> {
  return format === ImportFormat.Xlsx ? xlsxRows(source) : csvRows(source);
}
