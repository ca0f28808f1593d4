import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditAction, CSRF_COOKIE, IMPORT_MAX_FILE_BYTES, Role, SESSION_COOKIE } from '@irm/contracts';
import type { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DataSource } from 'typeorm';
import { Access } from '../../src/auth/access.decorator';
import { RouteAccessCatalog } from '../../src/auth/route-access.catalog';
import { BODY_LIMIT_BYTES, FORM_ROUTES, PUBLIC_BODY_LIMIT_BYTES } from '../../src/bootstrap/http-app';
import { seed } from '../../src/seed/seeder';
import { Allowance, databaseFingerprint } from '../support/database-fingerprint';
import {
  buildHostileCorpus,
  HOSTILE_KINDS,
  HOSTILE_TEXTS,
  HostileRequest,
  WriteRoute,
} from '../support/hostile-corpus';
import { ROUTE_SAMPLES } from '../support/route-samples';
import { startTestApp, TestApp } from '../support/test-app';
import { signedIn, TEST_PASSWORD, TestClient } from '../support/test-client';

/** Change it to explore; a failure names its seed, kind and label so that it can be sent again. */
const SEED = Number(process.env.HOSTILE_SEED ?? 20_260_308);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What refused requests may change. Nothing else: every other table, every column, must read the same afterwards.
 */
const ALLOWANCES: Record<string, Allowance> = {
  audit_event: {
    rows: `action NOT IN ('${AuditAction.LoginFailed}', '${AuditAction.PermissionDenied}')`,
    why: 'refused sign-ins and permission denials (a missing CSRF header) are recorded on purpose, for security review',
  },
  user_session: {
    columns: ['last_seen_at'],
    why: 'any signed-in request, refused or not, keeps its session alive (at most one write a minute)',
  },
};

/** Error texts of the database, the ORM or the runtime: none may reach a client. */
const LEAK =
  /\n\s+at\s|\bat [\w$.<>]+ \(|\.(ts|js):\d+|node_modules|QueryFailedError|TypeORMError|syntax error at or near|violates (not-null|check|foreign key|unique)|duplicate key value|invalid input syntax|out of range for type|invalid byte sequence|relation "|column "|\bSELECT\b[\s\S]*\bFROM\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|RangeError|TypeError|Maximum call stack/i;

/** The members a body DTO requires: those without @IsOptional (which PartialType adds to every member it copies). */
function requiredFields(dto: Type | undefined): string[] {
  if (!dto) return [];
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const optional = new Set(rules.filter((rule) => rule.name === 'isOptional').map((rule) => rule.propertyName));
  return [...new Set(rules.map((rule) => rule.propertyName))].filter((field) => !optional.has(field));
}

interface Outcome {
  request: HostileRequest;
  status: number;
  problems: string[];
  ms: number;
}

describe('hostile input', () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    // One admin sends the whole corpus: lift the per-user request budget (throttling is tested on its own).
    t = await startTestApp({ API_LIMIT_PER_MINUTE: '1000000' });
    await seed(t.app.get(DataSource), { adminPassword: TEST_PASSWORD });
    admin = (await signedIn(t, Role.Admin)).client;
  });
  afterAll(() => t.close());

  /** Sends one request as the signed-in admin, with the credentials, headers and body it asks for. */
  async function send(request: HostileRequest): Promise<{ status: number; headers: Headers; text: string }> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.contentType) headers['content-type'] = request.contentType;
    const credentials = request.credentials ?? {};
    if (credentials.authorization) headers.authorization = credentials.authorization;
    else {
      const csrf = admin.cookie(CSRF_COOKIE) ?? '';
      headers.cookie = `${SESSION_COOKIE}=${credentials.sessionCookie ?? admin.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${csrf}`;
      if (credentials.csrf !== null) headers['x-csrf-token'] = credentials.csrf ?? csrf;
    }
    const body = typeof request.body === 'function' ? request.body() : request.body;
    const response = await fetch(`${t.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body,
      ...(typeof request.body === 'function' ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** Everything wrong with one answer: not a 4xx, not a problem document, or leaking internals. */
  function judge(status: number, headers: Headers, text: string): string[] {
    const problems: string[] = [];
    if (status < 400 || status >= 500) problems.push(`status ${status}`);
    if (!headers.get('content-type')?.startsWith('application/problem+json'))
      problems.push(`content type ${headers.get('content-type')}`);
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push('body is not JSON');
    }
    if (body) {
      if (body.status !== status) problems.push(`problem status ${body.status}`);
      for (const member of ['type', 'title', 'code'])
        if (typeof body[member] !== 'string') problems.push(`no ${member}`);
      if (body.requestId !== headers.get('x-request-id')) problems.push('no request id');
      if (body.errors !== undefined && !Array.isArray(body.errors)) problems.push('errors is not a list');
    }
    let scrubbed = text;
    for (const sent of HOSTILE_TEXTS)
      if (sent) scrubbed = scrubbed.split(sent).join('').split(JSON.stringify(sent).slice(1, -1)).join('');
    const leak = LEAK.exec(scrubbed);
    if (leak) problems.push(`leaks "${leak[0]}"`);
    return problems;
  }

  it(
    'refuses every malformed or malicious write with a 4xx problem, and changes nothing',
    async () => {
      const catalog = t.app.get(RouteAccessCatalog).routes();
      const routes: WriteRoute[] = [];
      for (const route of catalog.filter((r) => WRITE_METHODS.has(r.method))) {
        const key = `${route.method} ${route.path}`;
        const sample = ROUTE_SAMPLES[key];
        if (!sample) throw new Error(`${key} has no sample in route-samples.ts`);
        routes.push({
          method: route.method,
          template: route.path,
          isPublic: route.access === Access.Public,
          sample: await sample(t, admin),
          requiredFields: requiredFields(route.body),
        });
      }
      const corpus = buildHostileCorpus(routes, SEED, {
        bodyLimitBytes: BODY_LIMIT_BYTES,
        publicBodyLimitBytes: PUBLIC_BODY_LIMIT_BYTES,
        uploadLimitBytes: (route) =>
          route.startsWith('POST /api/public/') ? t.config.PORTAL_UPLOAD_MAX_MB * 1024 * 1024 : IMPORT_MAX_FILE_BYTES,
        formRoutes: FORM_ROUTES,
      });
      const db = t.app.get(DataSource);
      const before = await databaseFingerprint(db, ALLOWANCES);

      const outcomes: Outcome[] = [];
      const started = Date.now();
      // A few at a time, as clients would; each one's answer is judged on its own.
      const queue = [...corpus];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let request = queue.shift(); request; request = queue.shift()) {
            const sentAt = Date.now();
            try {
              const { status, headers, text } = await send(request);
              outcomes.push({ request, status, problems: judge(status, headers, text), ms: Date.now() - sentAt });
            } catch (error) {
              const problems = [`no answer: ${(error as Error).message}`];
              outcomes.push({ request, status: 0, problems, ms: Date.now() - sentAt });
            }
          }
        }),
      );
      const after = await databaseFingerprint(db, ALLOWANCES);

      // The summary: requests per kind, and what they were answered with.
      const perKind = new Map<string, Map<number, number>>();
      for (const { request, status } of outcomes) {
        const statuses = perKind.get(request.kind) ?? new Map<number, number>();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        perKind.set(request.kind, statuses);
      }
      const histogram = new Map<number, number>();
      for (const { status } of outcomes) histogram.set(status, (histogram.get(status) ?? 0) + 1);
      const line = (statuses: Map<number, number>) =>
        [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ');
      console.log(
        [
          `Hostile corpus: ${corpus.length} requests over ${routes.length} write routes, seed ${SEED}, ` +
            `${((Date.now() - started) / 1000).toFixed(1)} s`,
          ...HOSTILE_KINDS.map((kind) => {
            const statuses = perKind.get(kind) ?? new Map();
            const count = [...statuses.values()].reduce((a, b) => a + b, 0);
            return `  ${kind.padEnd(22)} ${String(count).padStart(5)}  ${line(statuses)}`;
          }),
          `  ${'all'.padEnd(22)} ${String(outcomes.length).padStart(5)}  ${line(histogram)}`,
          'Slowest answers:',
          ...[...outcomes]
            .sort((a, b) => b.ms - a.ms)
            .slice(0, 5)
            .map((o) => `  ${String(o.ms).padStart(5)} ms  ${o.request.route} | ${o.request.label.slice(0, 60)}`),
        ].join('\n'),
      );

      const failures = outcomes
        .filter((o) => o.problems.length)
        .map((o) => `${o.request.kind} | ${o.request.route} | ${o.request.label} → ${o.problems.join(', ')}`);
      const changed = Object.keys({ ...before, ...after }).filter(
        (table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
      );
      expect({ failures, changed }).toEqual({ failures: [], changed: [] });
      expect(corpus.length).toBeGreaterThanOrEqual(500);
      // Every kind is represented, and every write route is attacked.
      expect(HOSTILE_KINDS.filter((kind) => !perKind.has(kind))).toEqual([]);
      expect(new Set(corpus.map((r) => r.route)).size).toBe(routes.length);
    },
    // Measured well under a minute on a busy 2-core machine; the margin is for slower ones.
    170_000,
  );

  it('keeps an accepted upload named to climb out of its directory inside it, under a name of its own', async () => {
    const { path } = await ROUTE_SAMPLES['POST /api/public/track/:token/documents'](t, admin);
    const names = ['../../../../tmp/hostile.pdf', '..\\..\\hostile.pdf', '/etc/hostile.pdf', 'hostile\u202efdp.exe'];
    for (const name of names) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('%PDF-1.7\n%%EOF\n')], { type: 'application/pdf' }), name);
      const response = await new TestClient(t.baseUrl).post(path, form);
      expect(response.status).toBe(201);
      // The shown name is the base name without path or control characters; the stored one is random.
      expect(response.body.fileName).toMatch(/^hostile(fdp)?\.pdf$/);
      const [row] = await t.app
        .get(DataSource)
        .query(`SELECT stored_name AS "storedName" FROM portal_document WHERE id = $1`, [response.body.id]);
      expect(row.storedName).toMatch(/^[0-9a-f]{32}\.pdf$/);
      expect(existsSync(join(t.config.PORTAL_UPLOAD_DIR, row.storedName))).toBe(true);
    }
    expect(existsSync('/tmp/hostile.pdf')).toBe(false);
    expect(existsSync('/etc/hostile.pdf')).toBe(false);
  });
});
