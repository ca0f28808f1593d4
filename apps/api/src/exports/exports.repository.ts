import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The few values an export shows beyond the list rows, fetched once per batch. */
@Injectable()
export class ExportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async userEmails(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await this.dataSource.query(
      `SELECT id, email FROM app_user WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }

  async organizationTaxCodes(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; taxCode: string }[] = await this.dataSource.query(
      `SELECT id, tax_code AS "taxCode" FROM organization WHERE id = ANY($1::uuid[]) AND tax_code IS NOT NULL`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.taxCode]));
  }
}
