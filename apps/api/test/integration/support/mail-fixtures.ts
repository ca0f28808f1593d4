import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A user row as the identity module would write it (the password is never used here). */
export async function insertUser(
  dataSource: DataSource,
  values: { name: string; language: 'vi' | 'en'; role?: string },
): Promise<{ id: string; email: string }> {
  const email = `${values.name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@ipa.test`;
  const [row] = (await dataSource.query(
    `INSERT INTO app_user (email, name, role, password_hash, language, version)
     VALUES ($1, $2, $3, 'not-a-hash', $4, 1) RETURNING id`,
    [email, values.name, values.role ?? 'staff', values.language],
  )) as { id: string }[];
  return { id: row.id, email };
}

/** A contact owned by `ownerId`, with email and preferred language. */
export async function insertContact(
  dataSource: DataSource,
  values: { ownerId: string; fullName: string; language: string; optedOut?: boolean },
): Promise<{ id: string; email: string }> {
  const email = `investor.${randomUUID().slice(0, 8)}@example.kr`;
  const [row] = (await dataSource.query(
    `INSERT INTO contact (full_name, email, preferred_language, owner_id, email_consent, consent_changed_at,
                          consent_source, version)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END, CASE WHEN $6 THEN 'email'::consent_source END, 1)
     RETURNING id`,
    [
      values.fullName,
      email,
      values.language,
      values.ownerId,
      values.optedOut ? 'opted_out' : 'unknown',
      !!values.optedOut,
    ],
  )) as { id: string }[];
  return { id: row.id, email };
}

/** The agency as the seed configures it. */
export async function insertProvinceSettings(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO setting (key, value, version) VALUES ('province', $1, 1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [
      JSON.stringify({
        agencyName: { vi: 'Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc', en: 'Vinh Phuc Investment Promotion Centre' },
        agencyAddress: 'Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc',
      }),
    ],
  );
}

export interface EmailRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  smtp_message_id: string | null;
  message_id: string;
  job_id: string | null;
  version: number;
}

export async function emailRow(dataSource: DataSource, id: string): Promise<EmailRow> {
  const [row] = (await dataSource.query(
    `SELECT id, status, attempts, last_error, smtp_message_id, message_id, job_id, version
       FROM email_message WHERE id = $1`,
    [id],
  )) as EmailRow[];
  return row;
}
