import { Role } from '@irm/contracts';
import type { Pipeline } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { WorkingCalendarService } from '../../src/calendar/working-calendar.service';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('public holidays (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let manager: TestClient;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client: staff } = await signedIn(t, Role.Staff));
    const signedManager = await signedIn(t, Role.Manager);
    manager = signedManager.client;
    managerId = signedManager.user.id;
  });
  afterAll(() => t.close());

  it('seeds 2026 and 2027 once, Tết included, listed by year in date order', async () => {
    const year2026 = (await staff.get('/api/holidays?year=2026')).body;
    expect(year2026.map((h: { date: string }) => h.date)).toContain('2026-02-17');
    expect(year2026[0]).toEqual({
      date: '2026-01-01',
      nameVi: 'Tết Dương lịch',
      nameEn: "New Year's Day",
      basis: 'statutory',
    });
    const dates = year2026.map((h: { date: string }) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect((await staff.get('/api/holidays?year=2027')).body.length).toBeGreaterThan(5);
    expect((await staff.get('/api/holidays?year=2031')).body).toEqual([]);
  });

  it('lets a manager add and remove a day, audited; a deleted day is not seeded back', async () => {
    const day = {
      date: '2026-11-24',
      nameVi: 'Ngày Văn hóa Việt Nam',
      nameEn: 'Vietnamese Culture Day',
      basis: 'decided',
    };
    const added = await manager.post('/api/holidays', day);
    expect(added.status).toBe(201);
    expect(added.body).toEqual(day);
    expect((await manager.post('/api/holidays', day)).status).toBe(409);

    expect((await manager.delete('/api/holidays/2026-09-03')).status).toBe(204);
    expect((await manager.delete('/api/holidays/2026-09-03')).status).toBe(404);
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    const dates = (await staff.get('/api/holidays?year=2026')).body.map((h: { date: string }) => h.date);
    expect(dates).toContain('2026-11-24');
    expect(dates).not.toContain('2026-09-03');

    const trail = await t.app
      .get(DataSource)
      .query(`SELECT action, subject_id FROM audit_event WHERE subject_type = 'public_holiday' ORDER BY id`);
    expect(trail).toEqual([
      { action: 'create', subject_id: '2026-11-24' },
      { action: 'delete', subject_id: '2026-09-03' },
    ]);
  });

  it('refuses staff, impossible dates and bad fields', async () => {
    const day = { date: '2026-12-31', nameVi: 'Nghỉ', nameEn: 'Off', basis: 'decided' };
    expect((await staff.post('/api/holidays', day)).status).toBe(403);
    expect((await staff.delete('/api/holidays/2026-01-01')).status).toBe(403);
    const bad = await manager.post('/api/holidays', { date: '2026-02-30', nameVi: '', nameEn: 'x', basis: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['basis', 'date', 'nameVi']);
    expect((await manager.delete('/api/holidays/tomorrow')).status).toBe(400);
    expect((await staff.get('/api/holidays?year=99')).status).toBe(400);
  });

  it('gives a new version to the items whose SLA dates a holiday moves, and to no other', async () => {
    const db = t.app.get(DataSource);
    const calendar = t.app.get(WorkingCalendarService);
    const pipelines: Pipeline[] = (await staff.get('/api/pipelines')).body;
    const land = pipelines.find((p) => p.kind === 'land_enquiry');
    const received = land?.stages.find((s) => s.key === 'received');
    if (!land || !received) throw new Error('the seeded land enquiry pipeline has a Received stage');
    expect(received.slaWorkingDays).toBe(2);
    // Both enter "Received" (2 working days): on Tuesday 1 December, due Thursday 3; on Monday 14, due Wednesday 16.
    const days = await calendar.current();
    const [early, late] = await Promise.all(
      ['2026-12-01T02:00:00Z', '2026-12-14T02:00:00Z'].map(async (enteredAt) => {
        const { slaDueOn, overdueFrom } = calendar.slaDates(days, new Date(enteredAt), 2);
        const [row] = await db.query(
          `INSERT INTO pipeline_item (kind, pipeline_id, stage_id, title, owner_id, stage_entered_at, sla_due_on,
                                      overdue_from, version)
           VALUES ('land_enquiry', $1, $2, 'SLA fixture', $3, $4, $5, $6, 1) RETURNING id`,
          [land.id, received.id, managerId, enteredAt, slaDueOn, overdueFrom],
        );
        return row.id as string;
      }),
    );
    const items = async () =>
      Object.fromEntries(
        (
          await db.query(
            `SELECT id, version, to_char(sla_due_on, 'YYYY-MM-DD') AS due FROM pipeline_item WHERE id = ANY($1)`,
            [[early, late]],
          )
        ).map((row: { id: string; version: number; due: string }) => [
          row.id === early ? 'early' : 'late',
          { version: row.version, due: row.due },
        ]),
      );
    expect(await items()).toEqual({
      early: { version: 1, due: '2026-12-03' },
      late: { version: 1, due: '2026-12-16' },
    });

    const day = { date: '2026-12-02', nameVi: 'Nghỉ bù', nameEn: 'Day off in lieu', basis: 'decided' };
    expect((await manager.post('/api/holidays', day)).status).toBe(201);
    expect(await items()).toEqual({
      early: { version: 2, due: '2026-12-04' },
      late: { version: 1, due: '2026-12-16' },
    });

    // A holiday neither SLA spans changes no dates, so no version.
    const far = { date: '2027-12-20', nameVi: 'Nghỉ xa', nameEn: 'Far day off', basis: 'decided' };
    expect((await manager.post('/api/holidays', far)).status).toBe(201);
    expect(await items()).toEqual({
      early: { version: 2, due: '2026-12-04' },
      late: { version: 1, due: '2026-12-16' },
    });

    expect((await manager.delete('/api/holidays/2026-12-02')).status).toBe(204);
    expect(await items()).toEqual({
      early: { version: 3, due: '2026-12-03' },
      late: { version: 1, due: '2026-12-16' },
    });
  });
});
