import { taxCodeCheckDigit } from '@irm/domain';
import ExcelJS from 'exceljs';
import { readJson } from './test-app';
import type { TestClient } from './test-client';

/** Valid, distinct tax codes: province prefix, a serial from `start`, and the check digit. */
export function taxCodes(count: number, start = 1, province = '25'): string[] {
  const codes: string[] = [];
  for (let serial = start; codes.length < count; serial++) {
    const nine = `${province}${String(serial).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) codes.push(`${nine}${check}`);
  }
  return codes;
}

/** A CSV document from rows of cells, quoted where needed, CRLF line ends like Excel writes. */
export function csv(rows: readonly (readonly string[])[], { bom = true, delimiter = ',' } = {}): Buffer {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const text = rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

/** An .xlsx workbook as Excel would save it (shared strings), from rows of cell values. */
export async function xlsx(rows: readonly (readonly ExcelJS.CellValue[])[], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function importForm(
  entity: string,
  file: Buffer,
  fileName: string,
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  form.append('entity', entity);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  return form;
}

/** Polls an import until it has ended (completed, failed or cancelled). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function waitForImport(client: TestClient, id: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.get(`/api/imports/${id}`);
    if (response.status !== 200)
      throw new Error(`GET import ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    if (['completed', 'failed', 'cancelled'].includes(response.body.status)) return response.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${response.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { readJson };
