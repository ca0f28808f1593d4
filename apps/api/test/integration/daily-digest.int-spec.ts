import { DataSource } from 'typeorm';
import { JOB_SCHEDULES } from '../../src/queue/job-schedules';
import { JobProducer } from '../../src/queue/job-producer';
import { JobName, QueueName } from '../../src/queue/queue-names';
import { WorkerHost } from '../../src/queue/worker-host';
import { DailyDigestHandler } from '../../src/reminders/daily-digest/daily-digest.handler';
import { seed } from '../../src/seed/seeder';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { insertProvinceSettings, insertUser } from './support/mail-fixtures';
import { QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

const APP_URL = 'https://crm.ipa.example.vn';
/** A Tuesday; the previous working day is Monday 9 March. */
const DAY = '2026-03-10';
/** A Thursday made a public holiday below. */
const HOLIDAY = '2026-03-12';

describe('the daily digest', () => {
  let sink: SmtpSink;
  let h: QueueHarness;
  let db: DataSource;
  let manager: { id: string; email: string };
  let staff: { id: string; email: string };
  let idle: { id: string; email: string };
  let inactive: { id: string; email: string };
  const items: Record<string, string> = {};

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startQueueHarness({ env: { SMTP_URL: sink.url, APP_URL } });
    db = h.dataSource;
    await seed(db, { adminPassword: 'a long enough password' });
    await insertProvinceSettings(db);
    await db.query(
      `INSERT INTO public_holiday (date, name_vi, name_en, basis) VALUES ($1, 'Nghỉ bù', 'Day off', 'decided')`,
      [HOLIDAY],
    );
    manager = await insertUser(db, { name: 'Tran Quan Ly', language: 'vi', role: 'manager' });
    staff = await insertUser(db, { name: 'Le Officer', language: 'en', role: 'staff' });
    idle = await insertUser(db, { name: 'Idle Officer', language: 'en', role: 'staff' });
    inactive = await insertUser(db, { name: 'Gone Officer', language: 'en', role: 'staff' });

    const stage = async (kind: string, key: string) =>
      (
        await db.query(
          `SELECT s.id, s.pipeline_id AS "pipelineId" FROM stage s JOIN pipeline p ON p.id = s.pipeline_id
            WHERE p.kind = $1 AND s.key = $2`,
          [kind, key],
        )
      )[0] as { id: string; pipelineId: string };
    const item = async (
      name: string,
      kind: string,
      stageKey: string,
      ownerId: string,
      values: { overdueFrom?: string; closed?: boolean } = {},
    ) => {
      const { id: stageId, pipelineId } = await stage(kind, stageKey);
      const [row] = await db.query(
        `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, stage_entered_at, overdue_from,
                                    closed_at, version)
         VALUES ($1, $2, $3, $4, $5, '2026-02-01T03:00:00Z', $6, CASE WHEN $7 THEN now() END, 1) RETURNING id`,
        [kind, pipelineId, stageId, name, ownerId, values.overdueFrom ?? null, !!values.closed],
      );
      items[name] = row.id;
      return { id: row.id as string, pipelineId, stageId };
    };
    const moved = async (
      target: { id: string; pipelineId: string; stageId: string },
      from: string | null,
      at: string,
      ownerId: string,
    ) =>
      db.query(
        `INSERT INTO stage_history (item_id, pipeline_id, from_stage_id, to_stage_id, owner_id, moved_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [target.id, target.pipelineId, from, target.stageId, ownerId, at],
      );

    // Movement on Monday 9 March (Hanoi time): one new, one won, one lost, one moved on; one the day before.
    const lead = await stage('prospect', 'lead');
    await moved(
      await item('Samsung Display mở rộng', 'prospect', 'lead', staff.id),
      null,
      '2026-03-09T01:00:00Z',
      staff.id,
    );
    await moved(
      await item('Foxconn nhà máy mới', 'prospect', 'licensed', staff.id, { closed: true }),
      lead.id,
      '2026-03-09T08:00:00Z',
      staff.id,
    );
    await moved(
      await item('Hanwha thuê đất', 'land_enquiry', 'withdrawn', staff.id, { closed: true }),
      (await stage('land_enquiry', 'received')).id,
      // 23:30 on Monday in Hanoi, still Monday.
      '2026-03-09T16:30:00Z',
      staff.id,
    );
    await moved(
      await item('Luxshare khảo sát', 'prospect', 'qualified', manager.id),
      lead.id,
      '2026-03-09T03:00:00Z',
      manager.id,
    );
    // Sunday 8 March, 23:00 in Hanoi: before the window.
    await moved(await item('Old move', 'prospect', 'lead', manager.id), null, '2026-03-08T16:00:00Z', manager.id);
    // Monday 00:30 in Hanoi: inside.
    await moved(await item('Early move', 'prospect', 'lead', manager.id), null, '2026-03-08T17:30:00Z', manager.id);

    // Overdue: two of the staff member's, one of the manager's; one not yet, one closed.
    await item('Quá hạn lâu', 'prospect', 'qualified', staff.id, { overdueFrom: '2026-03-04' });
    await item('Quá hạn hôm nay', 'land_enquiry', 'screened', staff.id, { overdueFrom: DAY });
    await item('Manager overdue', 'prospect', 'proposal', manager.id, { overdueFrom: '2026-03-09' });
    await item('Not yet overdue', 'prospect', 'proposal', staff.id, { overdueFrom: '2026-03-11' });

    // Tasks of the staff member: one overdue, one today, one tomorrow, one done; the inactive user's too.
    const task = (title: string, assigneeId: string, dueAt: string, done = false) =>
      db.query(
        `INSERT INTO task (title, due_at, assignee_id, created_by_id, done, done_at, subject_type, subject_id, version)
         VALUES ($1, $2, $3, $3, $4, CASE WHEN $4 THEN now() END, $5, $6, 1)`,
        [
          title,
          dueAt,
          assigneeId,
          done,
          title === 'Gọi lại Samsung' ? 'prospect' : null,
          title === 'Gọi lại Samsung' ? items['Samsung Display mở rộng'] : null,
        ],
      );
    await task('Send the brochure', staff.id, '2026-03-05T02:00:00Z');
    await task('Gọi lại Samsung', staff.id, '2026-03-10T09:00:00Z');
    await task('Tomorrow task', staff.id, '2026-03-11T02:00:00Z');
    await task('Done task', staff.id, '2026-03-09T02:00:00Z', true);
    await task('Inactive task', inactive.id, '2026-03-09T02:00:00Z');
    await db.query(`UPDATE app_user SET active = false WHERE id = $1`, [inactive.id]);

    await h.app.get(WorkerHost).start();
  });
  afterAll(async () => {
    await h?.close();
    await sink?.close();
  });

  const digests = (): Promise<
    { recipient_user_id: string; status: string; subject: string; idempotency_key: string }[]
  > =>
    db.query(
      `SELECT recipient_user_id, status, subject, idempotency_key FROM email_message
        WHERE template_key = 'daily_digest' ORDER BY created_at`,
    );
  /** What reached the server of the digests (the worker also sends other reminders, e.g. for overdue items). */
  const digestMails = async () => {
    const ids = new Set(
      (
        (await db.query(`SELECT message_id FROM email_message WHERE template_key = 'daily_digest'`)) as {
          message_id: string;
        }[]
      ).map((row) => row.message_id),
    );
    return sink.received.filter((mail) => ids.has(mail.messageId ?? ''));
  };
  const mailTo = async (address: string) =>
    sink.parsed(
      await waitFor(`digest to ${address}`, async () =>
        (await digestMails()).find((mail) => mail.envelope.to.includes(address)),
      ),
    );

  it('is scheduled at 07:30 on weekdays in the business time zone', async () => {
    expect(JOB_SCHEDULES.find((schedule) => schedule.jobName === JobName.DailyDigest)).toMatchObject({
      pattern: '30 7 * * 1-5',
    });
    const schedulers = await h.queue(QueueName.Reminders).getJobSchedulers();
    expect(schedulers.filter((scheduler) => scheduler.name === JobName.DailyDigest)).toEqual([
      expect.objectContaining({ name: JobName.DailyDigest, pattern: '30 7 * * 1-5', tz: 'Asia/Ho_Chi_Minh' }),
    ]);
  });

  it('sends nothing on a public holiday or a weekend', async () => {
    await h.app.get(DailyDigestHandler).handle({ date: HOLIDAY });
    await h.app.get(DailyDigestHandler).handle({ date: '2026-03-14' });
    expect(await digests()).toEqual([]);
  });

  it('sends the manager the movement and the overdue items, and the staff member their tasks and items', async () => {
    const job = await h.app.get(JobProducer).add(JobName.DailyDigest, { date: DAY });
    await waitFor('the digest job', async () => (await job.isCompleted()) || undefined);
    const rows = await digests();
    expect(rows.map((row) => row.recipient_user_id).sort()).toEqual([manager.id, staff.id].sort());
    expect(rows.map((row) => row.idempotency_key).sort()).toEqual(
      [`digest:${manager.id}:${DAY}`, `digest:${staff.id}:${DAY}`].sort(),
    );

    const toManager = await mailTo(manager.email);
    expect(toManager.subject).toBe('Tóm tắt công việc ngày 10 tháng 3, 2026');
    const managerText = toManager.text!;
    // Headings come upper-cased in the text part.
    expect(managerText).toContain('CHUYỂN GIAI ĐOẠN TỪ 9 THÁNG 3, 2026');
    expect(managerText).toContain('HỒ SƠ QUÁ HẠN (3)');
    expect(managerText).not.toContain('Old move');
    expect(managerText).toContain('Quá hạn lâu');
    expect(managerText).toContain('Le Officer');
    expect(managerText).not.toContain('Not yet overdue');
    expect(toManager.html).toContain(`href="${APP_URL}/prospects/${items['Quá hạn lâu']}"`);
    // The oldest first, five working days overdue (Wed 4 to Tue 10 March).
    const oldestRow = /<tr>(?:(?!<\/tr>).)*Quá hạn lâu(?:(?!<\/tr>).)*<\/tr>/s.exec(toManager.html as string)![0];
    expect(oldestRow).toContain('>5</td>');
    expect(managerText).toContain('HỒ SƠ CỦA ANH/CHỊ ĐANG QUÁ HẠN');
    expect(managerText).toContain('Manager overdue');

    const toStaff = await mailTo(staff.email);
    expect(toStaff.subject).toBe('Your digest for 10 March 2026');
    const staffText = toStaff.text!;
    expect(staffText).toContain('TASKS DUE TODAY OR OVERDUE');
    expect(staffText).toContain('Send the brochure');
    expect(staffText).toContain('(overdue)');
    expect(staffText).toContain('Gọi lại Samsung');
    expect(toStaff.html).toContain(`href="${APP_URL}/prospects/${items['Samsung Display mở rộng']}"`);
    expect(toStaff.html).toContain(`href="${APP_URL}/tasks"`);
    expect(staffText).not.toContain('Tomorrow task');
    expect(staffText).not.toContain('Done task');
    expect(staffText).toContain('YOUR OVERDUE ITEMS');
    expect(staffText).toContain('Quá hạn hôm nay');
    // Staff do not get the managers' sections.
    expect(staffText).not.toContain('STAGE MOVES SINCE');
    expect(staffText).not.toContain('Manager overdue');

    for (const user of [idle, inactive])
      expect((await digestMails()).some((mail) => mail.envelope.to.includes(user.email))).toBe(false);
  });

  it('counts the moves per pipeline into won, lost and other stages', async () => {
    const html = (await mailTo(manager.email)).html as string;
    const row = (name: string) =>
      [...html.matchAll(/<tr>((?:(?!<\/tr>).)*)<\/tr>/gs)]
        .map((match) => [...match[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1]))
        .find((cells) => cells[0] === name);
    const [prospects, land] = (await db.query(`SELECT name_vi FROM pipeline WHERE kind IN ('prospect', 'land_enquiry')
      ORDER BY kind`)) as { name_vi: string }[];
    expect(row(prospects.name_vi)).toEqual([prospects.name_vi, '2', '1', '0', '1']);
    expect(row(land.name_vi)).toEqual([land.name_vi, '0', '0', '1', '0']);
  });

  it('sends nothing again when run twice', async () => {
    const before = (await digestMails()).length;
    await h.app.get(DailyDigestHandler).handle({ date: DAY });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await digests()).toHaveLength(2);
    expect(await digestMails()).toHaveLength(before);
  });
});
