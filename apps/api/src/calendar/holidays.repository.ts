import { Injectable } from '@nestjs/common';
import type { Holiday } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';

const COLUMNS = `date::text AS date, name_vi AS "nameVi", name_en AS "nameEn", basis`;

@Injectable()
export class HolidaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(year?: number): Promise<Holiday[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM public_holiday ${year ? 'WHERE extract(year FROM date) = $1' : ''} ORDER BY date`,
      year ? [year] : [],
    );
  }

  /** Inserts unless the date is taken; the row, or null when it was. */
  async insert(manager: EntityManager, holiday: Holiday): Promise<Holiday | null> {
    const rows: Holiday[] = await manager.query(
      `INSERT INTO public_holiday (date, name_vi, name_en, basis) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO NOTHING RETURNING ${COLUMNS}`,
      [holiday.date, holiday.nameVi, holiday.nameEn, holiday.basis],
    );
    return rows[0] ?? null;
  }

  async delete(manager: EntityManager, date: string): Promise<Holiday | null> {
    // TypeORM answers a DELETE with [rows, affected count].
    const [rows] = (await manager.query(`DELETE FROM public_holiday WHERE date = $1 RETURNING ${COLUMNS}`, [date])) as [
      Holiday[],
      number,
    ];
    return rows[0] ?? null;
  }
}
