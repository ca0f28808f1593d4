import { Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { seed } from '../../src/seed/seeder';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TestClient } from '../support/test-client';

describe('public holidays (HTTP)', () => {
  let t: TestApp;
  let staff: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.app.get(DataSource), { adminPassword: 'a long enough password' });
    ({ client: staff } = await signedIn(t, Role.Staff));
    ({ client: manager } = await signedIn(t, Role.Manager));
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
});
