import { Role } from '@irm/contracts';
import { readJson, startTestApp, TestApp } from '../support/test-app';
import { signedIn } from '../support/test-client';
import { ProbeModule } from '../support/probe.module';

const PROBLEM = 'application/problem+json';
const valid = { name: 'Đồng Sóc', areaHa: 5, address: { district: 'Vĩnh Tường' } };

describe('platform (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, [ProbeModule]);
  });
  afterAll(() => t.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  it('reports database and redis as up', async () => {
    const response = await fetch(`${t.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('replaces a malformed request id with its own', async () => {
    const response = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'bad id<script>' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document and UI', async () => {
    const json = await fetch(`${t.baseUrl}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = (await readJson(json)) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/zones', '/api/zones/summary']),
    );
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('accepts a valid body', async () => {
    const response = await post('/api/test-probe', JSON.stringify(valid));
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual(valid);
  });

  it('answers malformed JSON with 400 problem details', async () => {
    const response = await post('/api/test-probe', '{"name": "x",');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
    const body = await readJson(response);
    expect(body).toMatchObject({ status: 400, code: 'malformed_json', title: 'Malformed JSON body' });
    expect(body.requestId).toEqual(response.headers.get('x-request-id'));
  });

  it('names an unknown field in a 400', async () => {
    const response = await post('/api/test-probe', JSON.stringify({ ...valid, isAdmin: true }));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual([{ field: 'isAdmin', message: 'unknown field "isAdmin"' }]);
  });

  it('lists every invalid field, nested ones by path', async () => {
    const response = await post(
      '/api/test-probe',
      JSON.stringify({ name: 3, areaHa: 500, address: { district: 7, x: 1 } }),
    );
    expect(response.status).toBe(400);
    const fields = (await readJson(response)).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'areaHa', 'address.district', 'address.x']));
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await post('/api/test-probe', JSON.stringify({ ...valid, name: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await readJson(response)).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('refuses a non-JSON content type with 415', async () => {
    const response = await post('/api/test-probe', 'name=x', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
  });

  describe('bodies and addresses that could not be stored or routed', () => {
    const send = (path: string, body: Uint8Array, headers: Record<string, string> = {}) =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const problemOf = async (response: Response) => {
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      const body = await readJson(response);
      expect(body.requestId).toBe(response.headers.get('x-request-id'));
      return body;
    };

    it('refuses bytes that are not UTF-8 instead of storing U+FFFD', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"name":"Đồng '),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from('","areaHa":5,"address":{"district":"x"}}'),
      ]);
      const response = await send('/api/test-probe', bytes);
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({
        code: 'bad_request',
        detail: 'The body is not valid UTF-8 text.',
      });
    });

    it('refuses NUL characters and lone surrogates, naming the field', async () => {
      const nul = await post('/api/test-probe', '{"name":"a\\u0000b","areaHa":5,"address":{"district":"x"}}');
      expect(nul.status).toBe(400);
      expect((await problemOf(nul)).errors).toEqual([{ field: 'name', message: 'contains a NUL character' }]);
      const surrogate = await post('/api/test-probe', '{"name":"a","areaHa":5,"address":{"district":"\\ud800"}}');
      expect(surrogate.status).toBe(400);
      expect((await problemOf(surrogate)).errors).toEqual([
        { field: 'address.district', message: 'is not well-formed Unicode (a lone surrogate)' },
      ]);
    });

    it('refuses deep nesting and bodies that are not objects before validation walks them', async () => {
      const deep = await post('/api/test-probe', `{"name":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
      expect(deep.status).toBe(400);
      expect((await problemOf(deep)).errors[0].message).toBe('is nested deeper than 32 levels');
      for (const body of ['null', '[]', '"text"', '7']) {
        const response = await post('/api/test-probe', body);
        expect(response.status).toBe(400);
        expect((await problemOf(response)).detail).toBe('The body must be a JSON object.');
      }
    });

    it('refuses form-encoded bodies except where mail clients send them', async () => {
      const response = await post('/api/test-probe', 'name=x&areaHa=5', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(response.status).toBe(415);
      expect(await problemOf(response)).toMatchObject({ code: 'unsupported_media_type' });
    });

    it('holds a public form streamed without a length to the public limit', async () => {
      const padded = `{"email":"a@ipa.test","padding":"${'x'.repeat(40 * 1024)}"}`;
      const response = await fetch(`${t.baseUrl}/api/public/track/resend`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(padded));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await problemOf(response)).toMatchObject({ code: 'payload_too_large' });
    });

    it('answers an address the router cannot read with a problem and a request id', async () => {
      const badEncoding = await fetch(`${t.baseUrl}/api/zones/%C0%AF`);
      expect(badEncoding.status).toBe(400);
      expect(await problemOf(badEncoding)).toMatchObject({ code: 'bad_request' });
      // A write: reads of unknown addresses fall through to the web app's catch-all (404) when it is built.
      const tooLong = await fetch(`${t.baseUrl}/api/zones/${'x'.repeat(500)}`, { method: 'PATCH' });
      expect(tooLong.status).toBe(414);
      expect(await problemOf(tooLong)).toMatchObject({ code: 'uri_too_long', status: 414 });
    });
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await fetch(`${t.baseUrl}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
    expect(await readJson(response)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('hides the stack of an unexpected failure', async () => {
    const response = await post('/api/test-probe/crash', '{}');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret stack');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'internal_error' });
  });

  it('rejects bad list parameters with 400 and a bad id with 400', async () => {
    const { client } = await signedIn(t, Role.Staff);
    expect((await client.get('/api/zones?limit=500')).status).toBe(400);
    expect((await client.get('/api/zones?type=castle')).status).toBe(400);
    expect((await client.get('/api/zones?cursor=%%%')).status).toBe(400);
    expect((await client.get('/api/zones/not-a-uuid')).status).toBe(400);
  });
});
