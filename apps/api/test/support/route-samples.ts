import { randomBytes, randomUUID } from 'node:crypto';
import { AccountTokenPurpose, REMINDER_KINDS, Role } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { TokenHasher } from '../../src/auth/token-hasher';
import { UnsubscribeTokens } from '../../src/mail/unsubscribe-tokens';
import { csv, importForm } from './import-fixtures';
import type { TestApp } from './test-app';
import { createUser, signedIn, TEST_PASSWORD, TestClient } from './test-client';

/** A valid request to one route: its path (ids filled in, query included) and its body. */
export interface RouteSample {
  path: string;
  body?: unknown;
}

/**
 * A valid request for every route ("METHOD /path/:param"), made for the calling client (fresh per call); the access
 * matrix and the hostile-input corpus both start from these, and the matrix fails when a route has none.
 */
export const ROUTE_SAMPLES: Record<string, (t: TestApp, client: TestClient) => Promise<RouteSample>> = {
  'GET /api/health': async () => ({ path: '/api/health' }),
  'GET /api/zones': async () => ({ path: '/api/zones?limit=5' }),
  'GET /api/zones/summary': async () => ({ path: '/api/zones/summary' }),
  'GET /api/zones/:id': async (t) => {
    const [{ id }] = await t.app.get(DataSource).query('SELECT id FROM zone LIMIT 1');
    return { path: `/api/zones/${id}` };
  },
  'GET /api/zones/districts': async () => ({ path: '/api/zones/districts' }),
  'PATCH /api/zones/:id': async (t) => {
    const [{ id, version }] = await t.app.get(DataSource).query('SELECT id, version FROM zone ORDER BY code LIMIT 1');
    return { path: `/api/zones/${id}`, body: { version, workforce: 100 } };
  },
  'GET /api/zones/:id/land-movements': async (t) => {
    const [{ id }] = await t.app.get(DataSource).query('SELECT id FROM zone LIMIT 1');
    return { path: `/api/zones/${id}/land-movements` };
  },
  'POST /api/zones/:id/land-movements': async (t) => {
    const [{ id }] = await t.app
      .get(DataSource)
      .query('SELECT id FROM zone ORDER BY industrial_land_ha - leased_ha - reserved_ha DESC LIMIT 1');
    return { path: `/api/zones/${id}/land-movements`, body: { kind: 'reserve', areaHa: 0.01, reason: 'matrix' } };
  },
  'POST /api/auth/login': async (t) => {
    const user = await createUser(t, Role.Staff);
    return { path: '/api/auth/login', body: { email: user.email, password: TEST_PASSWORD } };
  },
  'POST /api/auth/logout': async () => ({ path: '/api/auth/logout' }),
  'GET /api/auth/me': async () => ({ path: '/api/auth/me' }),
  'PATCH /api/auth/me': async () => ({ path: '/api/auth/me', body: { language: 'en' } }),
  'GET /api/auth/me/notifications': async () => ({ path: '/api/auth/me/notifications' }),
  'PUT /api/auth/me/notifications': async () => ({
    path: '/api/auth/me/notifications',
    body: { version: 0, kinds: Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, kind !== 'daily_digest'])) },
  }),
  'POST /api/auth/password': async () => ({
    path: '/api/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: 'Khu công nghiệp Bá Thiện II' },
  }),
  'GET /api/auth/tokens': async () => ({ path: '/api/auth/tokens' }),
  'POST /api/auth/tokens': async () => ({ path: '/api/auth/tokens', body: { name: 'matrix' } }),
  'DELETE /api/auth/tokens/:id': async (_t, client) => {
    const created = await client.post('/api/auth/tokens', { name: 'to revoke' });
    return { path: `/api/auth/tokens/${created.body.id ?? '00000000-0000-4000-8000-000000000000'}` };
  },
  'POST /api/auth/invitation/accept': async (t) => ({
    path: '/api/auth/invitation/accept',
    body: { token: await accountLink(t, AccountTokenPurpose.Invitation), password: 'Khu công nghiệp Bá Thiện II' },
  }),
  'POST /api/auth/password-reset': async () => ({
    path: '/api/auth/password-reset',
    body: { email: 'someone@ipa.test' },
  }),
  'POST /api/auth/password-reset/confirm': async (t) => ({
    path: '/api/auth/password-reset/confirm',
    body: { token: await accountLink(t, AccountTokenPurpose.PasswordReset), password: 'Khu công nghiệp Bá Thiện II' },
  }),
  'GET /api/public/account-tokens/:token': async (t) => ({
    path: `/api/public/account-tokens/${await accountLink(t, AccountTokenPurpose.Invitation)}`,
  }),
  'GET /api/users': async () => ({ path: '/api/users' }),
  'POST /api/users': async () => ({
    path: '/api/users',
    body: {
      email: `matrix-${Math.random().toString(36).slice(2)}@ipa.test`,
      name: 'Matrix',
      role: 'staff',
      password: TEST_PASSWORD,
    },
  }),
  'POST /api/users/:id/invitation': async (t) => {
    const [invited] = await t.app.get(DataSource).query(
      `INSERT INTO app_user (email, name, role, password_hash, version)
       VALUES ($1, 'Invited', 'staff', '!invited', 1) RETURNING id, version`,
      [`invited-${randomUUID()}@ipa.test`],
    );
    return { path: `/api/users/${invited.id}/invitation`, body: { version: invited.version } };
  },
  'PATCH /api/users/:id': async (t) => {
    const target = await createUser(t, Role.Staff);
    return { path: `/api/users/${target.id}`, body: { version: target.version, name: 'Renamed' } };
  },
  'GET /api/audit': async () => ({ path: '/api/audit' }),
  'GET /api/organizations': async () => ({ path: '/api/organizations?q=samsung' }),
  'GET /api/organizations/:id': async (t) => ({ path: `/api/organizations/${(await anyOrganization(t)).id}` }),
  'POST /api/organizations': async () => ({
    path: '/api/organizations?confirmDuplicate=true',
    body: { name: 'LG Display', kind: 'foreign_invested', country: 'KR' },
  }),
  // Owner-or-manager routes: a record the caller owns, so every signed-in role may change it.
  'PATCH /api/organizations/:id': async (_t, client) => {
    const own = await client.post('/api/organizations?confirmDuplicate=true', {
      name: 'Own investor',
      kind: 'domestic',
      country: 'VN',
    });
    return {
      path: `/api/organizations/${own.body.id ?? (await anyOrganization(_t)).id}`,
      body: { version: 1, size: 'small' },
    };
  },
  'DELETE /api/organizations/:id': async (_t, client) => {
    const own = await client.post('/api/organizations?confirmDuplicate=true', {
      name: 'Own investor',
      kind: 'domestic',
      country: 'VN',
    });
    return { path: `/api/organizations/${own.body.id ?? (await anyOrganization(_t)).id}?version=1` };
  },
  'GET /api/organizations/duplicates': async () => ({ path: '/api/organizations/duplicates' }),
  'POST /api/organizations/:id/merge': async (_t, client) => {
    const own = () =>
      client.post('/api/organizations?confirmDuplicate=true', {
        name: 'Twin investor',
        kind: 'domestic',
        country: 'VN',
      });
    const [kept, twin] = [(await own()).body, (await own()).body];
    return {
      path: `/api/organizations/${kept.id ?? '00000000-0000-4000-8000-000000000000'}/merge`,
      body: { version: 1, duplicateId: twin.id ?? '00000000-0000-4000-8000-000000000001', duplicateVersion: 1 },
    };
  },
  'GET /api/contacts/duplicates': async () => ({ path: '/api/contacts/duplicates' }),
  'POST /api/contacts/:id/merge': async (_t, client) => {
    const own = () => client.post('/api/contacts?confirmDuplicate=true', { fullName: 'Twin contact' });
    const [kept, twin] = [(await own()).body, (await own()).body];
    return {
      path: `/api/contacts/${kept.id ?? '00000000-0000-4000-8000-000000000000'}/merge`,
      body: { version: 1, duplicateId: twin.id ?? '00000000-0000-4000-8000-000000000001', duplicateVersion: 1 },
    };
  },
  'GET /api/holidays': async () => ({ path: '/api/holidays?year=2026' }),
  // Each caller adds (and removes) its own day, so repeated runs of the matrix do not collide.
  'POST /api/holidays': async (t) => {
    const [{ date }] = await t.app.get(DataSource).query(
      `SELECT d::date::text AS date FROM generate_series('2030-03-01'::date, '2030-12-31', '1 day') d
        WHERE d::date NOT IN (SELECT date FROM public_holiday) ORDER BY random() LIMIT 1`,
    );
    return { path: '/api/holidays', body: { date, nameVi: 'Nghỉ', nameEn: 'Off', basis: 'decided' } };
  },
  'DELETE /api/holidays/:date': async (t) => {
    // A day of its own for each caller, so that every manager or admin finds one to remove.
    const [{ date }] = await t.app.get(DataSource).query(
      `INSERT INTO public_holiday (date, name_vi, name_en, basis)
         SELECT d, 'Nghỉ', 'Off', 'decided' FROM generate_series('2031-01-01'::date, '2031-12-31', '1 day') d
          WHERE d NOT IN (SELECT date FROM public_holiday) LIMIT 1 RETURNING date::text AS date`,
    );
    return { path: `/api/holidays/${date}` };
  },
  'GET /api/pipelines': async () => ({ path: '/api/pipelines' }),
  'GET /api/pipelines/:id': async (t) => {
    const [row] = await t.app.get(DataSource).query('SELECT id FROM pipeline LIMIT 1');
    return { path: `/api/pipelines/${row.id}` };
  },
  'GET /api/pipelines/:id/board': async (t) => {
    const [row] = await t.app.get(DataSource).query('SELECT id FROM pipeline LIMIT 1');
    return { path: `/api/pipelines/${row.id}/board?mine=true` };
  },
  'GET /api/prospects': async () => ({ path: '/api/prospects?overdue=true' }),
  'GET /api/prospects/:id': async (t, client) => ({ path: `/api/prospects/${await ownProspect(t, client)}` }),
  'GET /api/prospects/:id/history': async (t, client) => ({
    path: `/api/prospects/${await ownProspect(t, client)}/history`,
  }),
  'POST /api/prospects': async (t) => ({
    path: '/api/prospects',
    body: { title: 'Access prospect', organizationId: (await anyOrganization(t)).id },
  }),
  'PATCH /api/prospects/:id': async (t, client) => ({
    path: `/api/prospects/${await ownProspect(t, client)}`,
    body: { version: 1, expectedJobs: 10 },
  }),
  'POST /api/prospects/:id/move': async (t, client) => {
    const [stage] = await t.app.get(DataSource).query(`SELECT id FROM stage WHERE key = 'on_hold'`);
    return { path: `/api/prospects/${await ownProspect(t, client)}/move`, body: { version: 1, stageId: stage.id } };
  },
  'GET /api/loan-applications': async () => ({ path: '/api/loan-applications?mine=true' }),
  'GET /api/loan-applications/:id': async (t, client) => ({
    path: `/api/loan-applications/${await ownLoan(t, client)}`,
  }),
  'GET /api/loan-applications/:id/history': async (t, client) => ({
    path: `/api/loan-applications/${await ownLoan(t, client)}/history`,
  }),
  'POST /api/loan-applications': async (t) => ({
    path: '/api/loan-applications',
    body: loanBody(await anyOrganization(t)),
  }),
  'PATCH /api/loan-applications/:id': async (t, client) => ({
    path: `/api/loan-applications/${await ownLoan(t, client)}`,
    body: { version: 1, termMonths: 36 },
  }),
  'POST /api/loan-applications/:id/move': async (t, client) => {
    const [stage] = await t.app.get(DataSource).query(
      `SELECT s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id
        WHERE p.kind = 'loan_application' AND s.key = 'withdrawn'`,
    );
    return {
      path: `/api/loan-applications/${await ownLoan(t, client)}/move`,
      body: { version: 1, stageId: stage.id, reason: 'matrix' },
    };
  },
  'PUT /api/loan-applications/:id/documents/:key': async (t, client) => ({
    path: `/api/loan-applications/${await ownLoan(t, client)}/documents/application_form`,
    body: { version: 1 },
  }),
  'DELETE /api/loan-applications/:id/documents/:key': async (t, client) => {
    const id = await ownLoan(t, client);
    await client.request('PUT', `/api/loan-applications/${id}/documents/environmental_approval`, {
      body: { version: 1 },
    });
    return { path: `/api/loan-applications/${id}/documents/environmental_approval?version=2` };
  },
  'GET /api/loan-applications/:id/tranches': async (t, client) => ({
    path: `/api/loan-applications/${await ownLoan(t, client)}/tranches`,
  }),
  'POST /api/loan-applications/:id/tranches': async (t, client) => ({
    path: `/api/loan-applications/${await ownLoan(t, client, true)}/tranches`,
    body: { version: 1, milestone: 'matrix', requiredProgressPct: 10, amountVnd: 1000 },
  }),
  'PATCH /api/loan-applications/:id/tranches/:trancheId': async (t, client) => ({
    path: await ownTranche(t, client),
    body: { version: 1, amountVnd: 2000 },
  }),
  'DELETE /api/loan-applications/:id/tranches/:trancheId': async (t, client) => ({
    path: `${await ownTranche(t, client)}?version=1`,
  }),
  'POST /api/loan-applications/:id/tranches/:trancheId/confirm': async (t, client) => ({
    path: `${await ownTranche(t, client)}/confirm`,
    body: { version: 1, progressPct: 10 },
  }),
  'POST /api/loan-applications/:id/tranches/:trancheId/release': async (t, client) => ({
    path: `${await ownTranche(t, client, true)}/release`,
    body: { version: 2 },
  }),
  'GET /api/land-enquiries': async () => ({ path: '/api/land-enquiries?mine=true' }),
  'GET /api/land-enquiries/:id': async (t, client) => ({
    path: `/api/land-enquiries/${await ownLandEnquiry(t, client)}`,
  }),
  'GET /api/land-enquiries/:id/history': async (t, client) => ({
    path: `/api/land-enquiries/${await ownLandEnquiry(t, client)}/history`,
  }),
  'GET /api/land-enquiries/:id/matches': async (t, client) => ({
    path: `/api/land-enquiries/${await ownLandEnquiry(t, client)}/matches`,
  }),
  'POST /api/land-enquiries': async (t) => ({
    path: '/api/land-enquiries',
    body: { title: 'Access enquiry', organizationId: (await anyOrganization(t)).id, requestedAreaHa: 1 },
  }),
  'PATCH /api/land-enquiries/:id': async (t, client) => ({
    path: `/api/land-enquiries/${await ownLandEnquiry(t, client)}`,
    body: { version: 1, wantedBy: '2027-01-15' },
  }),
  'POST /api/land-enquiries/:id/move': async (t, client) => {
    const [stage] = await t.app.get(DataSource).query(`SELECT id FROM stage WHERE key = 'screened'`);
    return {
      path: `/api/land-enquiries/${await ownLandEnquiry(t, client)}/move`,
      body: { version: 1, stageId: stage.id },
    };
  },
  'GET /api/pipelines/:id/stage-usage': async (t) => {
    const [row] = await t.app.get(DataSource).query('SELECT id FROM pipeline LIMIT 1');
    return { path: `/api/pipelines/${row.id}/stage-usage` };
  },
  'POST /api/pipelines/:id/stages': async (t) => {
    const { pipelineId, unique } = await prospectPipeline(t);
    return {
      path: `/api/pipelines/${pipelineId}/stages`,
      body: { nameVi: `Giai đoạn ${unique}`, nameEn: `Stage ${unique}`, type: 'open', slaWorkingDays: 3 },
    };
  },
  'PATCH /api/pipelines/:id/stages/:stageId': async (t) => {
    const stage = await spareStage(t);
    return {
      path: `/api/pipelines/${stage.pipelineId}/stages/${stage.id}`,
      body: { nameVi: `Đổi tên ${stage.unique}`, version: 1 },
    };
  },
  'PUT /api/pipelines/:id/stage-order': async (t) => {
    const { pipelineId } = await prospectPipeline(t);
    const [{ version, ids }] = await t.app
      .get(DataSource)
      .query(
        `SELECT p.version, array_agg(s.id ORDER BY s.position, s.id) AS ids FROM pipeline p JOIN stage s ON s.pipeline_id = p.id WHERE p.id = $1 GROUP BY p.id`,
        [pipelineId],
      );
    return { path: `/api/pipelines/${pipelineId}/stage-order`, body: { stageIds: ids, version } };
  },
  'POST /api/pipelines/:id/stages/:stageId/retire': async (t) => {
    const stage = await spareStage(t);
    return { path: `/api/pipelines/${stage.pipelineId}/stages/${stage.id}/retire`, body: { version: 1 } };
  },
  'POST /api/pipelines/:id/stages/:stageId/restore': async (t) => {
    const stage = await spareStage(t, true);
    return { path: `/api/pipelines/${stage.pipelineId}/stages/${stage.id}/restore`, body: { version: 1 } };
  },
  'DELETE /api/pipelines/:id/stages/:stageId': async (t) => {
    const stage = await spareStage(t);
    return { path: `/api/pipelines/${stage.pipelineId}/stages/${stage.id}?version=1` };
  },
  'GET /api/search': async () => ({ path: '/api/search?q=dong%20soc' }),
  'GET /api/events': async () => ({ path: '/api/events?kind=conference&from=2026-01-01' }),
  'GET /api/events/:id': async (t, client) => ({ path: `/api/events/${await ownEvent(t, client)}` }),
  'GET /api/events/:id/roi': async (t, client) => ({ path: `/api/events/${await ownEvent(t, client)}/roi` }),
  'POST /api/events': async () => ({
    path: '/api/events',
    body: {
      name: 'Access event',
      kind: 'webinar',
      startsOn: '2026-03-02',
      endsOn: '2026-03-02',
      place: 'Online',
      country: 'VN',
    },
  }),
  'PATCH /api/events/:id': async (t, client) => ({
    path: `/api/events/${await ownEvent(t, client)}`,
    body: { version: 1, place: 'Vĩnh Yên' },
  }),
  'DELETE /api/events/:id': async (t, client) => ({ path: `/api/events/${await ownEvent(t, client)}?version=1` }),
  'GET /api/events/:id/attendees': async (t, client) => ({
    path: `/api/events/${await ownEvent(t, client)}/attendees`,
  }),
  'POST /api/events/:id/attendees': async (t, client) => ({
    path: `/api/events/${await ownEvent(t, client)}/attendees`,
    body: { contactId: await anyContact(t) },
  }),
  'POST /api/events/:id/attendees/bulk': async (t, client) => ({
    path: `/api/events/${await ownEvent(t, client)}/attendees/bulk`,
    body: { contactIds: [await anyContact(t)] },
  }),
  'DELETE /api/events/:id/attendees/:attendeeId': async (t, client) => {
    const { eventId, attendeeId } = await ownAttendance(t, client);
    return { path: `/api/events/${eventId}/attendees/${attendeeId}` };
  },
  'GET /api/event-contacts': async () => ({ path: '/api/event-contacts?overdue=false' }),
  'GET /api/event-contacts/:id': async (t, client) => ({
    path: `/api/event-contacts/${(await ownAttendance(t, client)).itemId}`,
  }),
  'GET /api/event-contacts/:id/history': async (t, client) => ({
    path: `/api/event-contacts/${(await ownAttendance(t, client)).itemId}/history`,
  }),
  'PATCH /api/event-contacts/:id': async (t, client) => ({
    path: `/api/event-contacts/${(await ownAttendance(t, client)).itemId}`,
    body: { version: 1, sector: 'electronics' },
  }),
  'POST /api/event-contacts/:id/move': async (t, client) => {
    const [stage] = await t.app.get(DataSource).query(`SELECT id FROM stage WHERE key = 'contacted'`);
    return {
      path: `/api/event-contacts/${(await ownAttendance(t, client)).itemId}/move`,
      body: { version: 1, stageId: stage.id },
    };
  },
  'POST /api/event-contacts/:id/convert': async (t, client) => ({
    path: `/api/event-contacts/${(await ownAttendance(t, client)).itemId}/convert`,
    body: { version: 1, kind: 'land_enquiry', requestedAreaHa: 1, organizationId: (await anyOrganization(t)).id },
  }),
  'GET /api/contacts': async () => ({ path: '/api/contacts?q=an' }),
  'GET /api/contacts/:id': async (t) => {
    const [row] = await t.app.get(DataSource).query('SELECT id FROM contact LIMIT 1');
    const id =
      row?.id ??
      (await (await signedIn(t, Role.Staff)).client.post('/api/contacts', { fullName: 'Readable contact' })).body.id;
    return { path: `/api/contacts/${id}` };
  },
  'POST /api/contacts': async () => ({
    path: '/api/contacts?confirmDuplicate=true',
    body: { fullName: 'Lê Thị Hoa', phone: '0987 654 321' },
  }),
  'PATCH /api/contacts/:id': async (_t, client) => {
    const own = await client.post('/api/contacts?confirmDuplicate=true', { fullName: 'Own contact' });
    return {
      path: `/api/contacts/${own.body.id ?? '00000000-0000-4000-8000-000000000000'}`,
      body: { version: 1, position: 'CEO' },
    };
  },
  'DELETE /api/contacts/:id': async (_t, client) => {
    const own = await client.post('/api/contacts?confirmDuplicate=true', { fullName: 'Own contact' });
    return { path: `/api/contacts/${own.body.id ?? '00000000-0000-4000-8000-000000000000'}?version=1` };
  },
  'GET /api/users/directory': async () => ({ path: '/api/users/directory?q=a' }),
  'GET /api/timeline': async (t) => ({
    path: `/api/timeline?subjectType=organization&subjectId=${(await anyOrganization(t)).id}`,
  }),
  'POST /api/timeline': async (t) => ({
    path: '/api/timeline',
    body: { subjectType: 'organization', subjectId: (await anyOrganization(t)).id, kind: 'note', body: 'Ghi chú' },
  }),
  // Owner-or-manager routes: the caller's own note or task, so every signed-in role may change it.
  'PATCH /api/timeline/:id': async (t, client) => {
    const own = await client.post('/api/timeline', {
      subjectType: 'organization',
      subjectId: (await anyOrganization(t)).id,
      kind: 'note',
      body: 'Own note',
    });
    return { path: `/api/timeline/${own.body.id ?? '1'}`, body: { version: 1, body: 'Edited note' } };
  },
  'DELETE /api/timeline/:id': async (t, client) => {
    const own = await client.post('/api/timeline', {
      subjectType: 'organization',
      subjectId: (await anyOrganization(t)).id,
      kind: 'note',
      body: 'Own note',
    });
    return { path: `/api/timeline/${own.body.id ?? '1'}?version=1` };
  },
  'GET /api/tasks': async () => ({ path: '/api/tasks?mine=true&bucket=today' }),
  'GET /api/tasks/summary': async () => ({ path: '/api/tasks/summary' }),
  'POST /api/tasks': async () => ({
    path: '/api/tasks',
    body: { title: 'Gọi lại nhà đầu tư', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
  }),
  'PATCH /api/tasks/:id': async (_t, client) => {
    const own = await client.post('/api/tasks', { title: 'Own task', dueAt: new Date().toISOString() });
    return {
      path: `/api/tasks/${own.body.id ?? '00000000-0000-4000-8000-000000000000'}`,
      body: { version: 1, done: true },
    };
  },
  'DELETE /api/tasks/:id': async (_t, client) => {
    const own = await client.post('/api/tasks', { title: 'Own task', dueAt: new Date().toISOString() });
    return { path: `/api/tasks/${own.body.id ?? '00000000-0000-4000-8000-000000000000'}?version=1` };
  },
  'POST /api/imports': async () => ({
    path: '/api/imports',
    body: importForm('organizations', csv([['Name'], ['A']]), 'a.csv'),
  }),
  'GET /api/imports': async () => ({ path: '/api/imports' }),
  'GET /api/imports/templates/:entity': async () => ({ path: '/api/imports/templates/contacts?format=csv' }),
  'GET /api/imports/:id': async (t, client) => ({ path: `/api/imports/${await ownImport(t, client)}` }),
  'GET /api/imports/:id/errors': async (t, client) => ({ path: `/api/imports/${await ownImport(t, client)}/errors` }),
  'GET /api/imports/:id/errors.csv': async (t, client) => ({
    path: `/api/imports/${await ownImport(t, client)}/errors.csv`,
  }),
  // No worker runs here: the import stays queued, so it can be cancelled.
  'POST /api/imports/:id/cancel': async (t, client) => ({ path: `/api/imports/${await ownImport(t, client)}/cancel` }),
  'POST /api/imports/:id/apply': async (t, client) => {
    const id = await ownImport(t, client, true);
    await t.app.get(DataSource).query(`UPDATE import_job SET status = 'completed' WHERE id = $1`, [id]);
    return { path: `/api/imports/${id}/apply` };
  },
  'GET /api/exports/organizations': async () => ({ path: '/api/exports/organizations?format=csv&kind=domestic' }),
  'GET /api/exports/contacts': async () => ({ path: '/api/exports/contacts?format=xlsx' }),
  'GET /api/emails': async (t) => ({
    path: `/api/emails?subjectType=organization&subjectId=${(await anyOrganization(t)).id}`,
  }),
  'GET /api/emails/failed': async () => ({ path: '/api/emails/failed' }),
  'POST /api/emails/:id/retry': async (t) => ({
    path: `/api/emails/${await failedEmail(t)}/retry`,
    body: { version: 1 },
  }),
  'POST /api/public/unsubscribe/:token': async (t) => ({
    path: `/api/public/unsubscribe/${t.app.get(UnsubscribeTokens).tokenFor(await anyContact(t))}`,
  }),
  'GET /api/public/agency': async () => ({ path: '/api/public/agency' }),
  'GET /api/public/zones': async () => ({ path: '/api/public/zones?type=industrial_cluster' }),
  'GET /api/public/zones/:id': async (t) => {
    const [{ id }] = await t.app.get(DataSource).query('SELECT id FROM zone LIMIT 1');
    return { path: `/api/public/zones/${id}` };
  },
  'GET /api/public/events': async () => ({ path: '/api/public/events' }),
  'GET /api/public/events/:id': async (t) => ({ path: `/api/public/events/${await publicEvent(t)}` }),
  'POST /api/public/land-enquiries': async () => ({ path: '/api/public/land-enquiries', body: portalForm() }),
  'POST /api/public/loan-applications': async () => ({
    path: '/api/public/loan-applications',
    body: portalLoanForm(),
  }),
  'POST /api/public/events/:id/registrations': async (t) => ({
    path: `/api/public/events/${await publicEvent(t)}/registrations`,
    body: { fullName: 'Access', email: portalForm().email, language: 'en' },
  }),
  'POST /api/public/track/resend': async () => ({ path: '/api/public/track/resend', body: { email: 'a@ipa.test' } }),
  'GET /api/public/track/:token': async (t) => ({ path: `/api/public/track/${(await portalItem(t)).token}` }),
  'POST /api/public/track/:token/messages': async (t) => ({
    path: `/api/public/track/${(await portalItem(t)).token}/messages`,
    body: { body: 'matrix' },
  }),
  'POST /api/public/track/:token/documents': async (t) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')], { type: 'application/pdf' }), 'a.pdf');
    return { path: `/api/public/track/${(await portalItem(t)).token}/documents`, body: form };
  },
  'POST /api/land-enquiries/:id/portal-replies': async (t, client) => ({
    path: `/api/land-enquiries/${(await portalItem(t, client)).itemId}/portal-replies`,
    body: { body: 'matrix reply' },
  }),
  'POST /api/loan-applications/:id/portal-replies': async (t, client) => ({
    path: `/api/loan-applications/${(await portalItem(t, client, 'loan')).itemId}/portal-replies`,
    body: { body: 'matrix reply' },
  }),
  'POST /api/event-contacts/:id/portal-replies': async (t, client) => ({
    path: `/api/event-contacts/${(await portalItem(t, client, 'event')).itemId}/portal-replies`,
    body: { body: 'matrix reply' },
  }),
  'GET /api/portal-documents': async (t) => ({ path: `/api/portal-documents?itemId=${(await portalItem(t)).itemId}` }),
  'GET /api/portal-documents/:id/download': async (t) => ({
    path: `/api/portal-documents/${await portalDocument(t)}/download`,
  }),
  'GET /api/settings/portal-assignment': async () => ({ path: '/api/settings/portal-assignment' }),
  'PUT /api/settings/portal-assignment': async (t) => {
    const [row] = await t.app.get(DataSource).query(`SELECT version FROM setting WHERE key = 'portal_assignment'`);
    return {
      path: '/api/settings/portal-assignment',
      body: { mode: 'round_robin', staffIds: [], sectorOwners: {}, version: row?.version ?? 0 },
    };
  },
  'GET /api/reports/funnel': async (t) => ({
    path: `/api/reports/funnel?pipelineId=${await prospectPipelineId(t)}&from=2026-01-01&to=2026-12-31`,
  }),
  'GET /api/reports/time-in-stage': async (t) => ({
    path: `/api/reports/time-in-stage?pipelineId=${await prospectPipelineId(t)}&from=2026-01-01&to=2026-12-31`,
  }),
  'GET /api/reports/sla-breaches': async () => ({ path: '/api/reports/sla-breaches?from=2026-01-01&to=2026-12-31' }),
  'GET /api/reports/zone-occupancy': async () => ({ path: '/api/reports/zone-occupancy' }),
  'GET /api/reports/event-roi': async () => ({ path: '/api/reports/event-roi?from=2026-01-01&to=2026-12-31' }),
  'GET /api/reports/loan-portfolio': async () => ({
    path: '/api/reports/loan-portfolio?from=2026-01-01&to=2026-12-31',
  }),
};

let portalCounter = 0;

/** A land-enquiry form from a fresh address. */
function portalForm() {
  portalCounter++;
  return {
    fullName: 'Access Matrix',
    email: `portal-${portalCounter}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    companyName: `Access Co ${portalCounter}`,
    language: 'en',
    requestedAreaHa: 1,
  };
}

function portalLoanForm() {
  const { requestedAreaHa: _area, ...applicant } = portalForm();
  const { organizationId: _organization, ...loan } = loanBody({ id: '' });
  return { ...applicant, ...loan };
}

/** An event still open for registration. */
async function publicEvent(t: TestApp): Promise<string> {
  const db = t.app.get(DataSource);
  const [row] = await db.query(`SELECT id FROM promotion_event WHERE name = 'Access portal event'`);
  if (row) return row.id;
  const [created] = await db.query(
    `INSERT INTO promotion_event (name, kind, starts_on, ends_on, place, country, owner_id, version)
     SELECT 'Access portal event', 'conference', '2030-01-01', '2030-01-02', 'Vĩnh Yên', 'VN', id, 1
       FROM app_user ORDER BY created_at LIMIT 1 RETURNING id`,
  );
  return created.id;
}

/**
 * An item that came through the portal, with a tracking token; owned by the calling client when one is given (a
 * placeholder item id for an anonymous caller).
 */
async function portalItem(
  t: TestApp,
  client?: TestClient,
  kind: 'land' | 'loan' | 'event' = 'land',
): Promise<{ itemId: string; token: string }> {
  const anonymous = new TestClient(t.baseUrl);
  const form = portalForm();
  const submitted =
    kind === 'land'
      ? await anonymous.post('/api/public/land-enquiries', form)
      : kind === 'loan'
        ? await anonymous.post('/api/public/loan-applications', { ...portalLoanForm(), email: form.email })
        : await anonymous.post(`/api/public/events/${await publicEvent(t)}/registrations`, {
            fullName: form.fullName,
            email: form.email,
            language: 'en',
          });
  const token = String(submitted.body.trackingUrl).split('/track/')[1];
  const [{ itemId }] = await t.app
    .get(DataSource)
    .query(`SELECT item_id AS "itemId" FROM portal_submission WHERE email = $1`, [form.email]);
  const me = client ? await client.get('/api/auth/me') : undefined;
  if (!me || me.status !== 200) return { itemId: client ? '00000000-0000-4000-8000-000000000000' : itemId, token };
  await t.app.get(DataSource).query(`UPDATE pipeline_item SET owner_id = $2 WHERE id = $1`, [itemId, me.body.id]);
  return { itemId, token };
}

/** A document an investor uploaded. */
async function portalDocument(t: TestApp): Promise<string> {
  const { token } = await portalItem(t);
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')], { type: 'application/pdf' }), 'a.pdf');
  const uploaded = await new TestClient(t.baseUrl).post(`/api/public/track/${token}/documents`, form);
  return uploaded.body.id;
}

/** The secret of a live invitation or reset link, for a user of its own (inserted directly: no password to hash). */
async function accountLink(t: TestApp, purpose: AccountTokenPurpose): Promise<string> {
  const db = t.app.get(DataSource);
  const [user] = await db.query(
    `INSERT INTO app_user (email, name, role, password_hash, version)
     VALUES ($1, 'Linked', 'staff', '!invited', 1) RETURNING id`,
    [`linked-${randomUUID()}@ipa.test`],
  );
  const secret = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO account_token (purpose, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
    [purpose, user.id, t.app.get(TokenHasher).hash(secret)],
  );
  return secret;
}

/** A failed email of its own for each caller, so every admin finds one to retry. */
async function failedEmail(t: TestApp): Promise<string> {
  const id = randomUUID();
  await t.app.get(DataSource).query(
    `INSERT INTO email_message (id, idempotency_key, template_key, language, recipient_email, subject, html_body,
            text_body, message_id, status, attempts, last_error, failed_at, version)
     VALUES ($1, $2, 'notification', 'en', 'someone@ipa.test', 'Failed', '<p>x</p>', 'x', $3, 'failed', 8,
             '451 Try again later', now(), 1)`,
    [id, `access:${id}`, `<${id}@irm.local>`],
  );
  return id;
}

/** An import started by the calling client (a placeholder id for an anonymous one). */
async function ownImport(_t: TestApp, client: TestClient, dryRun = false): Promise<string> {
  const form = importForm('contacts', csv([['Họ và tên'], ['Lê Thị Hoa']]), 'c.csv', { dryRun: String(dryRun) });
  const created = await client.post('/api/imports', form);
  return created.body.id ?? '00000000-0000-4000-8000-000000000000';
}

/** A prospect the client owns, or (for callers who cannot create one) any id. */
async function ownProspect(t: TestApp, client: TestClient): Promise<string> {
  const created = await client.post('/api/prospects', {
    title: 'Own prospect',
    organizationId: (await anyOrganization(t)).id,
  });
  return created.body.id ?? '00000000-0000-4000-8000-000000000000';
}

function loanBody(organization: { id: string }) {
  return {
    organizationId: organization.id,
    applicantType: 'sme',
    lender: 'Access bank',
    lenderKind: 'bank',
    purpose: 'Access loan',
    requestedVnd: 1_000_000,
  };
}

/** A loan application the client owns (approved for 1,000,000 VND when asked), or any id. */
async function ownLoan(t: TestApp, client: TestClient, approved = false): Promise<string> {
  const created = await client.post('/api/loan-applications', loanBody(await anyOrganization(t)));
  const id = created.body.id ?? '00000000-0000-4000-8000-000000000000';
  if (approved && created.body.id)
    await t.app.get(DataSource).query(`UPDATE loan_application SET approved_vnd = 1000000 WHERE item_id = $1`, [id]);
  return id;
}

/**
 * The path of a tranche the client may change (or placeholder ids). Ready to release: its milestone confirmed and
 * the application disbursing.
 */
async function ownTranche(t: TestApp, client: TestClient, readyToRelease = false): Promise<string> {
  const id = await ownLoan(t, client, true);
  const planned = await client.post(`/api/loan-applications/${id}/tranches`, {
    version: 1,
    milestone: 'matrix',
    requiredProgressPct: 10,
    amountVnd: 1000,
  });
  const trancheId = planned.body.id ?? '00000000-0000-4000-8000-000000000000';
  if (readyToRelease && planned.body.id) {
    const db = t.app.get(DataSource);
    await db.query(
      `UPDATE loan_tranche t SET confirmed_at = now(), confirmed_by_id = i.owner_id, confirmed_progress_pct = 10,
              version = 2
         FROM pipeline_item i WHERE i.id = t.application_id AND t.id = $1`,
      [trancheId],
    );
    await db.query(
      `UPDATE pipeline_item SET stage_id = (SELECT s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id
                                             WHERE p.kind = 'loan_application' AND s.key = 'disbursing')
        WHERE id = $1`,
      [id],
    );
  }
  return `/api/loan-applications/${id}/tranches/${trancheId}`;
}

/** A land enquiry (with a sector, so it may be screened) the client owns, or any id. */
async function ownLandEnquiry(t: TestApp, client: TestClient): Promise<string> {
  const created = await client.post('/api/land-enquiries', {
    title: 'Own enquiry',
    organizationId: (await anyOrganization(t)).id,
    requestedAreaHa: 1,
    sector: 'textiles',
  });
  return created.body.id ?? '00000000-0000-4000-8000-000000000000';
}

/** An event the client owns, or (for callers who cannot create one) any id. */
async function ownEvent(_t: TestApp, client: TestClient): Promise<string> {
  const created = await client.post('/api/events', {
    name: 'Own event',
    kind: 'conference',
    startsOn: '2026-04-01',
    endsOn: '2026-04-01',
    place: 'Vĩnh Yên',
    country: 'VN',
  });
  return created.body.id ?? '00000000-0000-4000-8000-000000000000';
}

/** An attendance at an event the client owns, with its event contact (placeholder ids for anonymous callers). */
async function ownAttendance(
  t: TestApp,
  client: TestClient,
): Promise<{ eventId: string; attendeeId: string; itemId: string }> {
  const eventId = await ownEvent(t, client);
  const added = await client.post(`/api/events/${eventId}/attendees`, { contactId: await anyContact(t) });
  const none = '00000000-0000-4000-8000-000000000000';
  return { eventId, attendeeId: added.body.id ?? none, itemId: added.body.itemId ?? none };
}

async function anyContact(t: TestApp): Promise<string> {
  const [row] = await t.app.get(DataSource).query('SELECT id FROM contact LIMIT 1');
  if (row) return row.id;
  const { client } = await signedIn(t, Role.Staff);
  return (await client.post('/api/contacts?confirmDuplicate=true', { fullName: 'Attendee' })).body.id;
}

async function prospectPipeline(t: TestApp): Promise<{ pipelineId: string; unique: string }> {
  const [{ id }] = await t.app.get(DataSource).query(`SELECT id FROM pipeline WHERE kind = 'prospect'`);
  return { pipelineId: id, unique: Math.random().toString(36).slice(2, 10) };
}

/** An empty open stage of its own for each caller (retired when asked), so every manager or admin may change it. */
async function spareStage(t: TestApp, retired = false) {
  const { pipelineId, unique } = await prospectPipeline(t);
  const [{ id }] = await t.app.get(DataSource).query(
    `INSERT INTO stage (pipeline_id, key, name_vi, name_en, type, position, retired_at, version)
     SELECT $1, 'spare_' || $2, 'Dự phòng ' || $2, 'Spare ' || $2, 'open', max(position) + 1,
            CASE WHEN $3 THEN now() END, 1
       FROM stage WHERE pipeline_id = $1 RETURNING id`,
    [pipelineId, unique, retired],
  );
  return { id, pipelineId, unique };
}

async function prospectPipelineId(t: TestApp): Promise<string> {
  const [row] = await t.app.get(DataSource).query(`SELECT id FROM pipeline WHERE kind = 'prospect'`);
  return row.id;
}

async function anyOrganization(t: TestApp): Promise<{ id: string }> {
  const [row] = await t.app.get(DataSource).query('SELECT id FROM organization LIMIT 1');
  if (row) return row;
  const { client } = await signedIn(t, Role.Staff);
  return (await client.post('/api/organizations', { name: 'Seed investor', kind: 'domestic', country: 'VN' })).body;
}
