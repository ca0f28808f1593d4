import { PipelineKind } from '@irm/contracts';
import { defaultPipelines, localDate, WorkingDays } from '@irm/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { WorkingCalendarService } from '../../src/calendar/working-calendar.service';
import { FireReminderHandler } from '../../src/reminders/fire-reminder.handler';
import { EventFollowUpPlanner } from '../../src/reminders/event-follow-up.planner';
import { ReminderSlotKind } from '../../src/reminders/reminder.entity';
import { eventFollowUpSlot, slaEscalationSlot, slaOverdueSlot } from '../../src/reminders/reminder-slots';
import { eventFollowUpDueAt, slaEscalationDueAt, slaOverdueDueAt } from '../../src/reminders/reminder-times';
import { RemindersRepository } from '../../src/reminders/reminders.repository';
import { RemindersService } from '../../src/reminders/reminders.service';
import { SweepRemindersHandler } from '../../src/reminders/sweep-reminders.handler';
import { WorkerHost } from '../../src/queue/worker-host';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { insertContact, insertProvinceSettings, insertUser } from './support/mail-fixtures';
import { QueueHarness, startQueueHarness, waitFor } from './support/queue-harness';

const APP_URL = 'https://crm.ipa.example.vn';
const TZ = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;

interface ReminderRow {
  id: string;
  status: string;
  occurrence: number;
  dueAt: Date;
  emails: number | null;
}

/** The default pipelines with their stages, as the seed writes them; stage ids by `<kind>:<key>`. */
async function insertPipelines(
  dataSource: DataSource,
): Promise<Map<string, { id: string; pipelineId: string; sla: number | null }>> {
  const stages = new Map<string, { id: string; pipelineId: string; sla: number | null }>();
  for (const definition of defaultPipelines.filter((d) =>
    [PipelineKind.Prospect, PipelineKind.EventContact].includes(d.kind),
  )) {
    const [{ id: pipelineId }] = (await dataSource.query(
      `INSERT INTO pipeline (kind, name_vi, name_en, version) VALUES ($1, $2, $3, 1) RETURNING id`,
      [definition.kind, definition.name.vi, definition.name.en],
    )) as { id: string }[];
    for (const stage of definition.stages) {
      const [{ id }] = (await dataSource.query(
        `INSERT INTO stage (pipeline_id, key, name_vi, name_en, type, position, sla_working_days, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
        [pipelineId, stage.key, stage.name.vi, stage.name.en, stage.type, stage.position, stage.slaWorkingDays],
      )) as { id: string }[];
      stages.set(`${definition.kind}:${stage.key}`, { id, pipelineId, sla: stage.slaWorkingDays });
    }
  }
  return stages;
}

describe('SLA and event follow-up reminders', () => {
  let sink: SmtpSink;
  let h: QueueHarness;
  let stages: Map<string, { id: string; pipelineId: string; sla: number | null }>;
  let calendar: WorkingCalendarService;
  let days: WorkingDays;
  let sweep: SweepRemindersHandler;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startQueueHarness({
      // The items here entered their stages up to 30 days ago; the last test turns the cut-off down.
      env: {
        SMTP_URL: sink.url,
        APP_URL,
        TZ_BUSINESS: TZ,
        MAIL_RETRY_DELAY_MS: '50',
        REMINDER_SKIP_AFTER_HOURS: '2000',
      },
    });
    await insertProvinceSettings(h.dataSource);
    stages = await insertPipelines(h.dataSource);
    calendar = h.app.get(WorkingCalendarService);
    days = await calendar.current();
    sweep = h.app.get(SweepRemindersHandler);
    await h.app.get(WorkerHost).start();
  });
  afterAll(async () => {
    await h.close();
    await sink.close();
  });

  const stage = (kind: PipelineKind, key: string) => stages.get(`${kind}:${key}`)!;

  /** An item entered its stage at `enteredAt`, with SLA dates as the items service writes them. */
  async function insertItem(values: {
    ownerId: string;
    kind?: PipelineKind;
    stageKey: string;
    enteredAt: Date;
    title: string;
    eventId?: string;
    contactId?: string;
  }): Promise<{ id: string; overdueFrom: string | null }> {
    const kind = values.kind ?? PipelineKind.Prospect;
    const target = stage(kind, values.stageKey);
    const { slaDueOn, overdueFrom } = calendar.slaDates(days, values.enteredAt, target.sla);
    const [row] = (await h.dataSource.query(
      `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, stage_entered_at, sla_due_on,
                                  overdue_from, event_id, contact_id, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
      [
        kind,
        target.pipelineId,
        target.id,
        values.title,
        values.ownerId,
        values.enteredAt,
        slaDueOn,
        overdueFrom,
        values.eventId ?? null,
        values.contactId ?? null,
      ],
    )) as { id: string }[];
    return { id: row.id, overdueFrom };
  }

  const reminder = async (slot: string): Promise<ReminderRow | undefined> =>
    (
      (await h.dataSource.query(
        `SELECT id, status, occurrence, due_at AS "dueAt", emails FROM reminder WHERE slot = $1`,
        [slot],
      )) as ReminderRow[]
    )[0];

  const mailTo = async (address: string) => {
    const found = sink.received.filter((mail) => mail.envelope.to.includes(address));
    return Promise.all(found.map((mail) => sink.parsed(mail)));
  };

  /** The latest local entry date from which a 2-day SLA is overdue today: the escalation is still to come. */
  function justOverdueEntry(): Date {
    const today = localDate(new Date(), TZ);
    for (let back = 1; ; back++) {
      const entered = new Date(Date.now() - back * DAY_MS);
      const { overdueFrom } = calendar.slaDates(days, entered, 2);
      if (overdueFrom! <= today) return entered;
    }
  }

  it('tells the owner at once, in their language, when an item is past its SLA; managers only days later', async () => {
    const owner = await insertUser(h.dataSource, { name: 'Nguyễn Thị Lan', language: 'vi' });
    const englishOwner = await insertUser(h.dataSource, { name: 'Mark Owens', language: 'en' });
    const boss = await insertUser(h.dataSource, { name: 'Trần Văn Quản', language: 'en', role: 'manager' });
    const staff = await insertUser(h.dataSource, { name: 'Phạm Văn Nhân', language: 'vi' });
    const retired = await insertUser(h.dataSource, { name: 'Old Manager', language: 'en', role: 'manager' });
    await h.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [retired.id]);

    // Long overdue: the owner's reminder and the escalation are both past.
    const longOverdue = await insertItem({
      ownerId: owner.id,
      stageKey: 'lead',
      enteredAt: new Date(Date.now() - 30 * DAY_MS),
      title: 'Nhà máy linh kiện Hanwha',
    });
    // Overdue today or since the last working day: the escalation is still to come.
    const justOverdue = await insertItem({
      ownerId: englishOwner.id,
      stageKey: 'lead',
      enteredAt: justOverdueEntry(),
      title: 'Foxconn expansion',
    });
    // In its SLA: nothing yet.
    const inTime = await insertItem({
      ownerId: owner.id,
      stageKey: 'qualified',
      enteredAt: new Date(),
      title: 'Fresh lead',
    });

    await sweep.sweepOnce();
    await waitFor('the reminders to fire', async () => {
      const rows = await Promise.all([
        reminder(slaOverdueSlot(longOverdue.id)),
        reminder(slaEscalationSlot(longOverdue.id)),
        reminder(slaOverdueSlot(justOverdue.id)),
      ]);
      return rows.every((row) => row?.status === 'fired');
    });
    await sink.waitForCount(3);

    const [vi] = await mailTo(owner.email);
    expect(await mailTo(owner.email)).toHaveLength(1);
    expect(vi.subject).toBe('Quá hạn: Nhà máy linh kiện Hanwha');
    const overdueDays = days.between(
      calendar.slaDates(days, new Date(Date.now() - 30 * DAY_MS), 2).slaDueOn!,
      localDate(new Date(), TZ),
    );
    expect(vi.text).toContain(
      `Dự án tiềm năng "Nhà máy linh kiện Hanwha" đã quá hạn ${overdueDays} ngày làm việc ở giai đoạn "Tiềm năng"`,
    );
    expect(vi.html).toContain(`href="${APP_URL}/prospects/${longOverdue.id}"`);

    const [en] = await mailTo(englishOwner.email);
    expect(en.subject).toBe('Overdue: Foxconn expansion');
    expect(en.text).toMatch(/Prospect "Foxconn expansion" is \d working days? overdue in the "Lead" stage/);
    expect(en.html).toContain(`href="${APP_URL}/prospects/${justOverdue.id}"`);

    // Escalation: to the active manager only, naming the owner.
    const escalations = await mailTo(boss.email);
    expect(escalations).toHaveLength(1);
    expect(escalations[0].subject).toBe(`Escalation: Nhà máy linh kiện Hanwha is ${overdueDays} working days overdue`);
    expect(escalations[0].text).toContain('owned by Nguyễn Thị Lan, is still in the "Lead" stage');
    expect(escalations[0].html).toContain(`href="${APP_URL}/prospects/${longOverdue.id}"`);
    expect(await mailTo(staff.email)).toEqual([]);
    expect(await mailTo(retired.email)).toEqual([]);

    // The just-overdue item's escalation waits for its working days; the fresh item waits for its SLA.
    const pending = await reminder(slaEscalationSlot(justOverdue.id));
    expect(pending).toMatchObject({ status: 'pending' });
    expect(pending!.dueAt.toISOString()).toBe(slaEscalationDueAt(days, justOverdue.overdueFrom!, 2).toISOString());
    expect(pending!.dueAt.getTime()).toBeGreaterThan(Date.now());
    const fresh = await reminder(slaOverdueSlot(inTime.id));
    expect(fresh!.dueAt.toISOString()).toBe(slaOverdueDueAt(inTime.overdueFrom!, TZ).toISOString());
    expect(fresh!.status).toBe('pending');
    expect(sink.received).toHaveLength(3);
  });

  it('cancels the reminders of an item that closed or lost its SLA, and re-plans one that moved on', async () => {
    const owner = await insertUser(h.dataSource, { name: 'Vũ Minh', language: 'vi' });
    const closing = await insertItem({
      ownerId: owner.id,
      stageKey: 'qualified',
      enteredAt: new Date(),
      title: 'Closing',
    });
    const moving = await insertItem({
      ownerId: owner.id,
      stageKey: 'qualified',
      enteredAt: new Date(),
      title: 'Moving',
    });
    const onHold = await insertItem({
      ownerId: owner.id,
      stageKey: 'qualified',
      enteredAt: new Date(),
      title: 'On hold',
    });
    await sweep.sweepOnce();
    const before = await reminder(slaOverdueSlot(moving.id));
    expect(before).toMatchObject({ status: 'pending' });

    await h.dataSource.query(
      `UPDATE pipeline_item SET updated_at = now(), stage_id = $2, closed_at = now(), sla_due_on = NULL,
                                     overdue_from = NULL WHERE id = $1`,
      [closing.id, stage(PipelineKind.Prospect, 'licensed').id],
    );
    await h.dataSource.query(
      `UPDATE pipeline_item SET updated_at = now(), stage_id = $2, sla_due_on = NULL, overdue_from = NULL
                               WHERE id = $1`,
      [onHold.id, stage(PipelineKind.Prospect, 'on_hold').id],
    );
    const next = stage(PipelineKind.Prospect, 'information_sent');
    const dates = calendar.slaDates(days, new Date(), next.sla);
    await h.dataSource.query(
      `UPDATE pipeline_item SET updated_at = now(), stage_id = $2, stage_entered_at = now(), sla_due_on = $3, overdue_from = $4 WHERE id = $1`,
      [moving.id, next.id, dates.slaDueOn, dates.overdueFrom],
    );
    await sweep.sweepOnce();
    for (const id of [closing.id, onHold.id]) {
      expect(await reminder(slaOverdueSlot(id))).toMatchObject({ status: 'cancelled' });
      expect(await reminder(slaEscalationSlot(id))).toMatchObject({ status: 'cancelled' });
    }
    const after = await reminder(slaOverdueSlot(moving.id));
    expect(after).toMatchObject({ status: 'pending', occurrence: before!.occurrence + 1 });
    expect(after!.dueAt.toISOString()).toBe(slaOverdueDueAt(dates.overdueFrom!, TZ).toISOString());
  });

  it('sends nothing when the item closed or moved after its reminder was planned', async () => {
    const owner = await insertUser(h.dataSource, { name: 'Đỗ Hải', language: 'vi' });
    const entered = new Date(Date.now() - 30 * DAY_MS);
    const closed = await insertItem({ ownerId: owner.id, stageKey: 'lead', enteredAt: entered, title: 'Closed one' });
    const moved = await insertItem({ ownerId: owner.id, stageKey: 'lead', enteredAt: entered, title: 'Moved one' });
    // Planned without a job, as if the change came between planning and firing.
    const planned = await h.dataSource.transaction((manager) =>
      h.app.get(RemindersRepository).plan(
        manager,
        [closed, moved].map((item) => ({
          slot: slaOverdueSlot(item.id),
          kind: ReminderSlotKind.SlaOverdue,
          subject: { type: 'prospect' as never, id: item.id },
          dueAt: slaOverdueDueAt(item.overdueFrom!, TZ),
        })),
        h.app.get(AppConfig).REMINDER_SKIP_AFTER_HOURS,
      ),
    );
    await h.dataSource.query(
      `UPDATE pipeline_item SET updated_at = now(), closed_at = now(), stage_id = $2 WHERE id = $1`,
      [closed.id, stage(PipelineKind.Prospect, 'lost').id],
    );
    // Moved on, and overdue in the new stage too, from another day: that is a new reminder, not this one.
    const next = stage(PipelineKind.Prospect, 'qualified');
    const movedAt = new Date(Date.now() - 20 * DAY_MS);
    const dates = calendar.slaDates(days, movedAt, next.sla);
    await h.dataSource.query(
      `UPDATE pipeline_item SET updated_at = now(), stage_id = $2, stage_entered_at = $5, sla_due_on = $3, overdue_from = $4 WHERE id = $1`,
      [moved.id, next.id, dates.slaDueOn, dates.overdueFrom, movedAt],
    );
    const fire = h.app.get(FireReminderHandler);
    for (const one of planned) await fire.handle({ reminderId: one.id, occurrence: one.occurrence });
    expect(await reminder(slaOverdueSlot(closed.id))).toMatchObject({ status: 'fired', emails: 0 });
    expect(await reminder(slaOverdueSlot(moved.id))).toMatchObject({ status: 'fired', emails: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailTo(owner.email)).toEqual([]);
  });

  it('reminds each owner of contacts still in "Met" after an event, once, with links to them', async () => {
    const lan = await insertUser(h.dataSource, { name: 'Lê Lan', language: 'vi' });
    const tom = await insertUser(h.dataSource, { name: 'Tom Baker', language: 'en' });
    const quiet = await insertUser(h.dataSource, { name: 'Hoàng Yên', language: 'vi' });
    const [event] = (await h.dataSource.query(
      `INSERT INTO promotion_event (name, kind, starts_on, ends_on, place, country, owner_id, version)
       VALUES ('Hội nghị xúc tiến đầu tư Hàn Quốc', 'conference', current_date - 21, current_date - 20, 'Seoul', 'KR', $1, 1)
       RETURNING id, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`,
      [lan.id],
    )) as { id: string; endsOn: string }[];
    const contact = (ownerId: string, name: string) =>
      insertContact(h.dataSource, { ownerId, fullName: name, language: 'ko' });
    const entered = new Date(Date.now() - 20 * DAY_MS);
    const kim = await contact(lan.id, 'Kim Min-jun');
    const lanMet = await insertItem({
      ownerId: lan.id,
      kind: PipelineKind.EventContact,
      stageKey: 'met',
      enteredAt: entered,
      title: 'Samsung Display',
      eventId: event.id,
      contactId: kim.id,
    });
    const lanMet2 = await insertItem({
      ownerId: lan.id,
      kind: PipelineKind.EventContact,
      stageKey: 'met',
      enteredAt: entered,
      title: 'LG Innotek',
      eventId: event.id,
    });
    const lanContacted = await insertItem({
      ownerId: lan.id,
      kind: PipelineKind.EventContact,
      stageKey: 'contacted',
      enteredAt: entered,
      title: 'Hyundai Wia',
      eventId: event.id,
    });
    const tomMet = await insertItem({
      ownerId: tom.id,
      kind: PipelineKind.EventContact,
      stageKey: 'met',
      enteredAt: entered,
      title: 'Hanwha Aerospace',
      eventId: event.id,
    });
    await insertItem({
      ownerId: quiet.id,
      kind: PipelineKind.EventContact,
      stageKey: 'contacted',
      enteredAt: entered,
      title: 'Doosan',
      eventId: event.id,
    });

    // The events service plans it when the event is saved; its moment has passed, so it fires at once.
    const planner = new EventFollowUpPlanner(h.app.get(RemindersService), calendar, h.config);
    await h.dataSource.transaction((manager) => planner.plan(manager, event));
    const fired = await waitFor('the follow-up to fire', async () => {
      const row = await reminder(eventFollowUpSlot(event.id));
      return row?.status === 'fired' ? row : undefined;
    });
    expect(fired.dueAt.toISOString()).toBe(eventFollowUpDueAt(days, event.endsOn, 3).toISOString());
    expect(fired.emails).toBe(2);
    await waitFor(
      'two follow-up emails',
      async () => (await mailTo(lan.email)).length + (await mailTo(tom.email)).length === 2,
    );

    const [vi] = await mailTo(lan.email);
    expect(vi.subject).toBe('Liên hệ lại sau sự kiện: Hội nghị xúc tiến đầu tư Hàn Quốc');
    expect(vi.text).toContain('2 liên hệ anh/chị gặp tại sự kiện "Hội nghị xúc tiến đầu tư Hàn Quốc"');
    expect(vi.text).toContain('Kim Min-jun – Samsung Display');
    expect(vi.html).toContain(`href="${APP_URL}/event-contacts/${lanMet.id}"`);
    expect(vi.html).toContain(`href="${APP_URL}/event-contacts/${lanMet2.id}"`);
    expect(vi.html).not.toContain(lanContacted.id);
    const [en] = await mailTo(tom.email);
    expect(en.subject).toBe('Follow up after Hội nghị xúc tiến đầu tư Hàn Quốc');
    expect(en.text).toContain('1 person you met at "Hội nghị xúc tiến đầu tư Hàn Quốc" is still in the "Met" stage');
    expect(en.html).toContain(`href="${APP_URL}/event-contacts/${tomMet.id}"`);
    expect(await mailTo(quiet.email)).toEqual([]);
  });

  it('plans an upcoming event follow-up from the sweep and sends nothing when nobody is left in "Met"', async () => {
    const owner = await insertUser(h.dataSource, { name: 'Ngô Bảo', language: 'vi' });
    const [upcoming] = (await h.dataSource.query(
      `INSERT INTO promotion_event (name, kind, starts_on, ends_on, place, country, owner_id, version)
       VALUES ('Roadshow Nhật Bản', 'roadshow', current_date, current_date + 1, 'Osaka', 'JP', $1, 1)
       RETURNING id, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`,
      [owner.id],
    )) as { id: string; endsOn: string }[];
    await sweep.sweepOnce();
    const row = await reminder(eventFollowUpSlot(upcoming.id));
    expect(row).toMatchObject({ status: 'pending' });
    expect(row!.dueAt.toISOString()).toBe(eventFollowUpDueAt(days, upcoming.endsOn, 3).toISOString());

    // An event whose contacts have all moved on: the follow-up fires and sends nothing.
    const [past] = (await h.dataSource.query(
      `INSERT INTO promotion_event (name, kind, starts_on, ends_on, place, country, owner_id, version)
       VALUES ('Webinar', 'webinar', current_date - 30, current_date - 30, 'Online', 'VN', $1, 1)
       RETURNING id, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`,
      [owner.id],
    )) as { id: string; endsOn: string }[];
    await insertItem({
      ownerId: owner.id,
      kind: PipelineKind.EventContact,
      stageKey: 'contacted',
      enteredAt: new Date(),
      title: 'Moved on',
      eventId: past.id,
    });
    const planner = new EventFollowUpPlanner(h.app.get(RemindersService), calendar, h.config);
    await h.dataSource.transaction((manager) => planner.plan(manager, past));
    const fired = await waitFor('the empty follow-up', async () => {
      const found = await reminder(eventFollowUpSlot(past.id));
      return found?.status === 'fired' ? found : undefined;
    });
    expect(fired.emails).toBe(0);
    expect(await mailTo(owner.email)).toEqual([]);
  });

  it('plans nothing new when swept again, fully or from the changes', async () => {
    await sweep.sweepOnce();
    const before = await h.dataSource.query(`SELECT slot, status, occurrence, due_at FROM reminder ORDER BY slot`);
    expect(before.length).toBeGreaterThan(10);
    expect(await sweep.sweepOnce({ full: true })).toEqual({ planned: 0, cancelled: 0 });
    expect(await sweep.sweepOnce()).toEqual({ planned: 0, cancelled: 0 });
    expect(await h.dataSource.query(`SELECT slot, status, occurrence, due_at FROM reminder ORDER BY slot`)).toEqual(
      before,
    );
  });
  it('records reminders planned long after their moment as skipped, and sends nothing for them', async () => {
    const config = h.app.get(AppConfig);
    const cutOff = config.REMINDER_SKIP_AFTER_HOURS;
    config.REMINDER_SKIP_AFTER_HOURS = 24;
    try {
      const owner = await insertUser(h.dataSource, { name: 'Vũ Thị Mai', language: 'vi' });
      // Entered 30 days ago: first overdue weeks before this first sweep over it, as after a first deployment.
      const old = await insertItem({
        ownerId: owner.id,
        stageKey: 'lead',
        enteredAt: new Date(Date.now() - 30 * DAY_MS),
        title: 'Backlog from before',
      });
      await sweep.sweepOnce();
      for (const slot of [slaOverdueSlot(old.id), slaEscalationSlot(old.id)]) {
        expect(await reminder(slot)).toMatchObject({ status: 'skipped', occurrence: 1, emails: null });
      }
      const [{ jobs }] = (await h.dataSource.query(
        `SELECT count(*)::int AS jobs FROM outbox_message WHERE job_name = 'reminders.fire' AND payload->>'reminderId' IN
           (SELECT id::text FROM reminder WHERE subject_id = $1)`,
        [old.id],
      )) as { jobs: number }[];
      expect(jobs).toBe(0);
      // Swept again (fully): skipped stays skipped.
      await sweep.sweepOnce({ full: true });
      expect(await reminder(slaOverdueSlot(old.id))).toMatchObject({ status: 'skipped', occurrence: 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await mailTo(owner.email)).toEqual([]);
    } finally {
      config.REMINDER_SKIP_AFTER_HOURS = cutOff;
    }
  });
});
