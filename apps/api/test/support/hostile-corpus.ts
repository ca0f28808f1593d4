/**
 * A generated corpus of hostile requests against the API's write routes. Each request starts from the route's valid
 * sample (see route-samples.ts) and breaks it in one deliberate way, so that every one of them must be refused;
 * generation is seeded, so a failing request can be produced again from its seed and label.
 */

export const HOSTILE_KINDS = [
  'wrong-type',
  'missing-field',
  'extra-field',
  'huge-string',
  'huge-array',
  'deep-json',
  'invalid-unicode',
  'invisible-characters',
  'sql-injection',
  'script-injection',
  'bad-number',
  'bogus-version',
  'content-type',
  'malformed-json',
  'oversized-body',
  'malformed-multipart',
  'upload-file-name',
  'path-param',
  'bogus-credentials',
] as const;

export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface WriteRoute {
  method: string;
  /** The route as Nest declares it: `/api/prospects/:id/move`. */
  template: string;
  /** Public routes take no credentials, so credential tricks cannot be refused there. */
  isPublic: boolean;
  /** A valid request: path with ids (and query), and its body (a JSON value or FormData). */
  sample: { path: string; body?: unknown };
  /** Members of the body its DTO requires. */
  requiredFields?: readonly string[];
}

export interface CorpusLimits {
  bodyLimitBytes: number;
  publicBodyLimitBytes: number;
  uploadLimitBytes: (route: string) => number;
  /** Routes that accept a form-encoded body as well as JSON, e.g. one-click unsubscribe. */
  formRoutes: ReadonlySet<string>;
}

export interface Credentials {
  /** Leave the session cookie out and send this Authorization header instead. */
  authorization?: string;
  /** Send the session cookie but this X-CSRF-Token (null: none at all). */
  csrf?: string | null;
  /** Send this session cookie instead of the real one. */
  sessionCookie?: string;
}

export interface HostileRequest {
  kind: HostileKind;
  /** `METHOD /template`. */
  route: string;
  /** What was broken, enough to find the request again. */
  label: string;
  method: string;
  path: string;
  /** Content type to declare; undefined sends none. FormData bodies set their own. */
  contentType?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | FormData | (() => ReadableStream<Uint8Array>);
  credentials?: Credentials;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE organization; --",
  '1; SELECT pg_sleep(5); --',
  "' UNION SELECT password_hash, email FROM app_user --",
  '" OR ""="',
  "'||(SELECT version())||'",
  "%' AND 1=1 --",
  "\\'; TRUNCATE audit_event; --",
  "$1$2$$ ; COPY app_user TO PROGRAM 'id'",
];

const SCRIPT_INJECTION = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=window.__pwned=1>',
  '"><svg onload=alert(1)>',
  'javascript:alert(document.cookie)',
  "{{constructor.constructor('alert(1)')()}}",
  '${7*7}#{7*7}<%= 7*7 %>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
  '</textarea><script>alert(1)</script>',
];

const INVISIBLE = [
  'Samsung\u200bDisplay',
  '\u202egnusmaS\u202c',
  '\u2066LG\u2069\u2067Display\u2069',
  '\ufeffĐồng Sóc',
  'Vi\u00adnh Ph\u00fac\u200d',
  'Z\u0337\u0322\u0353a\u0336\u031blgo',
  '\u0405\u0430m\u0455ung', // Cyrillic look-alikes
  '\u200e\u200f\u061c',
];

/** Bytes that are not UTF-8: an overlong "/", an encoded surrogate, a stray byte, a cut sequence, a 5-byte form. */
const INVALID_UTF8: [string, number[]][] = [
  ['overlong slash', [0xc0, 0xaf]],
  ['encoded surrogate', [0xed, 0xa0, 0x80]],
  ['byte 0xFF', [0xff]],
  ['truncated sequence', [0xe2, 0x82]],
  ['five-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['lone continuation byte', [0x80]],
];
/** JSON escapes that decode to text PostgreSQL cannot store or that is not well-formed Unicode. */
const BAD_ESCAPES: [string, string][] = [
  ['lone high surrogate', '\\ud800'],
  ['lone low surrogate', '\\udfff'],
  ['reversed surrogate pair', '\\udc00\\ud800'],
  ['NUL character', '\\u0000'],
];

const MALFORMED_JSON = [
  '{"name":',
  '{"name":"x",}',
  "{'name':'x'}",
  '{"name":undefined}',
  '{"version":NaN}',
  '{"a":1}{"b":2}',
  '{"a":"\\x41"}',
  '{"a":"line\nbreak"}',
  '[1,2',
  '',
  '\u0000',
  '{"a":01}',
];

const BAD_NUMBERS: [string, string][] = [
  ['-1', '-1'],
  ['-1e9', '-1000000000'],
  ['1e308', '1e308'],
  ['1e400 (Infinity once parsed)', '1e400'],
  ['-1e400', '-1e400'],
  ['2^53 + 2', '9007199254740994'],
  ['"NaN"', '"NaN"'],
  ['"Infinity"', '"Infinity"'],
  ['"-Infinity"', '"-Infinity"'],
];

const BOGUS_VERSIONS: [string, string][] = [
  ['-1', '-1'],
  ['1.5', '1.5'],
  ['2^31', '2147483648'],
  ['2^63', '9223372036854775808'],
  ['1e20', '1e20'],
  ['empty string', '""'],
  ['null', 'null'],
  ['array', '[1]'],
  ['object', '{"$gt":0}'],
  ['true', 'true'],
  ['SQL', '"1 OR 1=1"'],
  ['"Infinity"', '"Infinity"'],
];

const QUERY_VERSIONS = ['-1', '1.5', '2147483648', '1e400', 'abc', '', '1%00', '1%27%20OR%201%3D1', 'Infinity'];

const IF_MATCH = ['*', 'W/"1"', '"0"', '"; DROP TABLE x; --"', 'W/'];

const CONTENT_TYPES: [string, (json: string) => { contentType?: string; text: string }][] = [
  ['text/plain', (json) => ({ contentType: 'text/plain', text: json })],
  ['XML with an external entity', () => ({ contentType: 'application/xml', text: XXE })],
  ['text/xml', () => ({ contentType: 'text/xml; charset=utf-8', text: XXE })],
  ['no content type', (json) => ({ text: json })],
  ['application/jsonx', (json) => ({ contentType: 'application/jsonx', text: json })],
  ['application/vnd.api+json', (json) => ({ contentType: 'application/vnd.api+json', text: json })],
  ['text/html', () => ({ contentType: 'text/html', text: '<form><input name="x"></form>' })],
  ['application/octet-stream', (json) => ({ contentType: 'application/octet-stream', text: json })],
];
const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r><name>&xxe;</name></r>';

const UPLOAD_NAMES = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/shadow',
  'C:\\boot.ini',
  '....//....//investors.csv',
  '%2e%2e%2f%2e%2e%2fx.csv',
  'investors.csv\u0000.exe',
  'invoice\u202efdp.exe',
  `${'x'.repeat(4000)}.csv`,
  '<img src=x onerror=alert(1)>.csv',
  "'; DROP TABLE import_job; --.csv",
  '',
];
/** A Windows executable's first bytes: neither CSV (not UTF-8), a workbook nor a document type. */
const EXECUTABLE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff, 0xb8]);

const PATH_VALUES: [string, string][] = [
  ['not a UUID', 'not-a-uuid'],
  ['traversal', encodeURIComponent('../../../etc/passwd')],
  ['backslash traversal', encodeURIComponent('..\\..\\boot.ini')],
  ['SQL', encodeURIComponent("' OR '1'='1")],
  ['zero-width after a UUID', encodeURIComponent('00000000-0000-4000-8000-000000000000\u200b')],
  ['NUL', '%00'],
  ['very long', 'x'.repeat(3000)],
  ['unknown UUID', '00000000-0000-4000-8000-000000000000'],
  ['nil UUID', '00000000-0000-0000-0000-000000000000'],
  ['huge number', '99999999999999999999999'],
  ['negative number', '-1'],
  ['script', encodeURIComponent('<script>alert(1)</script>')],
  ['bad percent-encoding', '%E0%A4%A'],
  ['encoded overlong slash', '%C0%AF'],
];

/** Text the corpus sends on purpose; an error message may quote it (an unknown member named after it, say). */
export const HOSTILE_TEXTS: readonly string[] = [...SQL_INJECTION, ...SCRIPT_INJECTION, ...INVISIBLE, ...UPLOAD_NAMES];

/** FNV-1a of a string, to give each route its own seed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Draws `count` different items. */
function picker(random: () => number): Picker {
  return <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const picked: T[] = [];
    while (picked.length < count && pool.length) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    return picked;
  };
}

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPED_TEXT = [UUID, /^\d{4}-\d{2}-\d{2}/, /@/, /^[a-z_]+$/, /^\+?\d[\d ]*$/];

/** A string a person writes freely (a name, a note), as opposed to an id, a date, an email or an enum value. */
function isFreeText(value: Json): value is string {
  return typeof value === 'string' && !TYPED_TEXT.some((pattern) => pattern.test(value));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FormData);
}

/** `{"a":{"a":…}}` or `[[…]]`, as text (building it as a value would itself overflow JSON.stringify). */
function deepJson(depth: number, array: boolean): string {
  return array ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
}

/** The JSON text of an object with one member's value given as raw JSON text. */
function withRawMember(body: JsonObject, key: string, rawValue: string): string {
  const marker = `@hostile-${key}@`;
  return JSON.stringify({ ...body, [key]: marker }).replace(JSON.stringify(marker), () => rawValue);
}

/** Form encoding of a JSON object's members (nested values as JSON), the way an HTML form would post them. */
function formEncoded(body: unknown): string {
  if (!isJsonObject(body)) return 'List-Unsubscribe=One-Click';
  return new URLSearchParams(
    Object.entries(body).map(([key, value]): [string, string] => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  ).toString();
}

export function buildHostileCorpus(
  routes: readonly WriteRoute[],
  seed: number,
  limits: CorpusLimits,
): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  for (const route of routes) {
    const key = `${route.method} ${route.template}`;
    // Each route draws from its own sequence, so adding a route leaves the others' cases as they were.
    const random = seededRandom(seed ^ hashOf(key));
    const pick = picker(random);
    const [samplePath, sampleQuery = ''] = route.sample.path.split('?');
    const query = new URLSearchParams(sampleQuery);
    const sampleBody = route.sample.body;
    const jsonBody = isJsonObject(sampleBody) ? sampleBody : undefined;
    const upload = sampleBody instanceof FormData ? sampleBody : undefined;
    const sampleJson = sampleBody === undefined || upload ? '{}' : JSON.stringify(sampleBody);
    const isPublicForm = route.template.startsWith('/api/public/');
    const add = (
      kind: HostileKind,
      label: string,
      request: Partial<HostileRequest> & { body?: HostileRequest['body'] },
    ) =>
      corpus.push({
        kind,
        route: key,
        label,
        method: route.method,
        path: route.sample.path,
        ...request,
      });
    const json = (kind: HostileKind, label: string, text: string, extra: Partial<HostileRequest> = {}) =>
      add(kind, label, { contentType: 'application/json', body: utf8(text), ...extra });

    // Every write route: bodies no parser accepts, and envelopes the API does not speak.
    for (const text of pick(MALFORMED_JSON, 2)) json('malformed-json', `malformed ${JSON.stringify(text)}`, text);
    for (const [label, variant] of pick(CONTENT_TYPES, 2)) {
      const { contentType, text } = variant(sampleJson);
      add('content-type', label, { contentType, body: utf8(text) });
    }
    if (!limits.formRoutes.has(key))
      add('content-type', 'form-urlencoded', {
        contentType: 'application/x-www-form-urlencoded',
        body: utf8(formEncoded(sampleBody)),
      });
    if (!upload) {
      const form = new FormData();
      form.append('name', 'x');
      add('content-type', 'multipart to a JSON route', { body: form });
    }
    const limit = upload
      ? limits.uploadLimitBytes(key)
      : isPublicForm
        ? limits.publicBodyLimitBytes
        : limits.bodyLimitBytes;
    if (upload) {
      const form = new FormData();
      for (const [name, value] of upload.entries())
        if (typeof value === 'string') form.append(name, value);
        else form.append(name, new Blob([new Uint8Array(limit + 1024)]), value.name);
      add('oversized-body', `file of ${limit + 1024} bytes`, { body: form });
    } else {
      const padded = `{"padding":"${'x'.repeat(limit)}"}`;
      json('oversized-body', `${padded.length} bytes, declared`, padded);
      // Streamed without a length: public forms in full (their limit is checked after reading), others sampled.
      if (isPublicForm || random() < 0.2)
        add('oversized-body', `${padded.length} bytes, chunked`, {
          contentType: 'application/json',
          body: () =>
            new ReadableStream({
              start(controller) {
                for (let at = 0; at < padded.length; at += 64 * 1024)
                  controller.enqueue(utf8(padded.slice(at, at + 64 * 1024)));
                controller.close();
              },
            }),
        });
    }
    // A signed-in route refuses a request without proof of origin or with a session nobody was given.
    if (!route.isPublic)
      for (const [label, credentials] of pick(
        [
          ['no CSRF header', { csrf: null }],
          ['wrong CSRF header', { csrf: 'x'.repeat(43) }],
          ['forged session cookie', { sessionCookie: "' OR 1=1 --" }],
        ] as const,
        2,
      ))
        add('bogus-credentials', label, { credentials, ...bodyOf(sampleBody) });
    for (const authorization of pick(["Bearer ' OR '1'='1", 'Bearer ' + 'A'.repeat(5000), 'Basic YWRtaW46YWRtaW4='], 1))
      add('bogus-credentials', `Authorization: ${authorization.slice(0, 30)}`, {
        credentials: { authorization },
        ...bodyOf(sampleBody),
      });

    // Path parameters: each one replaced, the rest of the request valid.
    const templateSegments = route.template.split('/');
    const pathSegments = samplePath.split('/');
    templateSegments.forEach((segment, index) => {
      if (!segment.startsWith(':')) return;
      for (const [label, value] of pick(PATH_VALUES, 3)) {
        const segments = [...pathSegments];
        segments[index] = value;
        add('path-param', `${segment} = ${label}`, {
          path: segments.join('/') + (sampleQuery ? `?${sampleQuery}` : ''),
          ...bodyOf(sampleBody),
        });
      }
      for (const payload of pick([...SQL_INJECTION, ...SCRIPT_INJECTION], 1)) {
        const segments = [...pathSegments];
        segments[index] = encodeURIComponent(payload);
        add(SQL_INJECTION.includes(payload) ? 'sql-injection' : 'script-injection', `${segment} = ${payload}`, {
          path: segments.join('/') + (sampleQuery ? `?${sampleQuery}` : ''),
          ...bodyOf(sampleBody),
        });
      }
    });

    // A version in the query (deletes): nonsense, and stale ones however the If-Match header reads.
    if (query.has('version')) {
      const stale = Number(query.get('version')) + 1000;
      for (const value of pick(QUERY_VERSIONS, 3)) {
        const bad = new URLSearchParams(query);
        bad.delete('version');
        add('bogus-version', `?version=${value}`, {
          path: `${samplePath}?${bad}${bad.size ? '&' : ''}version=${value}`,
        });
      }
      const twice = new URLSearchParams(query);
      twice.append('version', String(stale));
      add('bogus-version', 'version given twice', { path: `${samplePath}?${twice}` });
      for (const ifMatch of pick(IF_MATCH, 1)) {
        const bad = new URLSearchParams(query);
        bad.set('version', String(stale));
        add('bogus-version', `stale version, If-Match: ${ifMatch}`, {
          path: `${samplePath}?${bad}`,
          headers: { 'if-match': ifMatch },
        });
      }
    }
    // Other query parameters (confirmDuplicate=…): injection and nonsense.
    for (const name of [...query.keys()].filter((name) => name !== 'version')) {
      for (const payload of pick([...SQL_INJECTION, ...SCRIPT_INJECTION, 'maybe', ''], 2)) {
        const bad = new URLSearchParams(query);
        bad.set(name, payload);
        add(SQL_INJECTION.includes(payload) ? 'sql-injection' : 'script-injection', `?${name}=${payload}`, {
          path: `${samplePath}?${bad}`,
          ...bodyOf(sampleBody),
        });
      }
    }

    if (upload) addUploadCases(upload, add);
    if (jsonBody) addBodyCases(jsonBody, route.requiredFields ?? [], add, pick);
    // Bodies on routes that take none must still be well-formed Unicode.
    if (sampleBody === undefined)
      for (const [label, bytes] of pick(INVALID_UTF8, 2))
        add('invalid-unicode', `${label} in an unexpected body`, {
          contentType: 'application/json',
          body: new Uint8Array([...utf8('{"note":"a'), ...bytes, ...utf8('"}')]),
        });
  }
  return corpus;
}

function bodyOf(sample: unknown): Pick<HostileRequest, 'contentType' | 'body'> {
  if (sample === undefined) return {};
  if (sample instanceof FormData) return { body: sample };
  return { contentType: 'application/json', body: utf8(JSON.stringify(sample)) };
}

type Add = (kind: HostileKind, label: string, request: Partial<HostileRequest>) => void;
type Picker = <T>(items: readonly T[], count: number) => T[];

/** Uploads whose file name tries to climb out of a directory, with content no upload accepts; broken envelopes. */
function addUploadCases(upload: FormData, add: Add) {
  for (const name of UPLOAD_NAMES) {
    const form = new FormData();
    for (const [field, value] of upload.entries())
      if (typeof value === 'string') form.append(field, value);
      else form.append(field, new Blob([EXECUTABLE]), name);
    add('upload-file-name', `file named ${JSON.stringify(name.slice(0, 40))}`, { body: form });
  }
  const boundary = 'hostile-boundary';
  const part = (name: string, value: string, fileName?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName === undefined ? '' : `; filename="${fileName}"`}\r\n\r\n${value}\r\n`;
  const fields = [...upload.entries()]
    .filter(([, value]) => typeof value === 'string')
    .map(([f, v]) => part(f, String(v)));
  const raw: [string, string, string][] = [
    ['no boundary in the header', 'multipart/form-data', `${fields.join('')}--${boundary}--\r\n`],
    [
      'cut off before the end',
      `multipart/form-data; boundary=${boundary}`,
      `${fields.join('')}--${boundary}\r\nContent-Disp`,
    ],
    ['no file part', `multipart/form-data; boundary=${boundary}`, `${fields.join('')}--${boundary}--\r\n`],
    [
      'a text field over its size limit',
      `multipart/form-data; boundary=${boundary}`,
      `${part('entity', 'x'.repeat(5000))}${part('file', 'a,b', 'a.csv')}--${boundary}--\r\n`,
    ],
    [
      'too many parts',
      `multipart/form-data; boundary=${boundary}`,
      `${Array.from({ length: 40 }, (_, i) => part(`f${i}`, 'x')).join('')}--${boundary}--\r\n`,
    ],
    [
      'an empty file',
      `multipart/form-data; boundary=${boundary}`,
      `${fields.join('')}${part('file', '', 'empty.csv')}--${boundary}--\r\n`,
    ],
    ['garbage', `multipart/form-data; boundary=${boundary}`, '\u0000\u0001\u0002 not multipart at all'],
  ];
  for (const [label, contentType, text] of raw) add('malformed-multipart', label, { contentType, body: utf8(text) });
}

function addBodyCases(body: JsonObject, requiredFields: readonly string[], add: Add, pick: Picker) {
  const bytesOf = (kind: HostileKind, label: string, bytes: Uint8Array) =>
    add(kind, label, { contentType: 'application/json', body: bytes });
  const json = (kind: HostileKind, label: string, text: string) => bytesOf(kind, label, utf8(text));
  const fields = Object.keys(body);
  const textFields = fields.filter((field) => typeof body[field] === 'string');
  const numberFields = fields.filter((field) => typeof body[field] === 'number' && field !== 'version');
  const arrayFields = fields.filter((field) => Array.isArray(body[field]));
  const hasVersion = typeof body.version === 'number';
  const stale = hasVersion ? (body.version as number) + 1000 : 0;

  // Wrong JSON types: a value of a type the field never takes.
  const wrong: Record<string, Json[]> = {
    string: [12345, {}, ['x'], true],
    number: ['many', {}, [1]],
    boolean: ['perhaps', {}, [true]],
    array: ['x', { a: 1 }, 12],
    object: ['x', [1], 12],
  };
  for (const field of pick(fields, 2)) {
    const value = body[field];
    const type = Array.isArray(value) ? 'array' : value === null ? 'object' : typeof value;
    for (const substitute of pick(wrong[type] ?? wrong.string, 1))
      json('wrong-type', `${field} = ${JSON.stringify(substitute)}`, JSON.stringify({ ...body, [field]: substitute }));
  }

  // Missing fields: nothing at all, or one required field left out (the DTO says which are required).
  const required = fields.filter((field) => requiredFields.includes(field));
  if (required.length > 0) json('missing-field', 'empty object', '{}');
  for (const field of pick(required, 2)) {
    const { [field]: _left, ...rest } = body;
    json('missing-field', `no ${field}`, JSON.stringify(rest));
  }
  // The body not an object at all.
  for (const [label, text] of pick(
    [
      ['body is an array', JSON.stringify([body])],
      ['body is a string', JSON.stringify(JSON.stringify(body))],
      ['body is a number', '42'],
      ['body is null', 'null'],
    ] as const,
    1,
  ))
    json('wrong-type', label, text);

  // Fields the API never declared, including prototype poisoning.
  for (const [label, text] of pick(
    [
      ['isAdmin', JSON.stringify({ ...body, isAdmin: true })],
      ['role', JSON.stringify({ ...body, role: 'admin', createdAt: '1970-01-01' })],
      ['__proto__', `{"__proto__":{"isAdmin":true},${JSON.stringify(body).slice(1)}`],
      ['constructor.prototype', `{"constructor":{"prototype":{"isAdmin":true}},${JSON.stringify(body).slice(1)}`],
      ['id', JSON.stringify({ ...body, id: '00000000-0000-4000-8000-000000000000' })],
    ] as const,
    1,
  ))
    json('extra-field', label, text);

  // Huge values.
  for (const field of pick(textFields, 1))
    for (const [label, text] of pick(
      [
        ['100,000 × "A"', 'A'.repeat(100_000)],
        ['300,000 × "Đ" (600 KB)', 'Đ'.repeat(300_000)],
        ['20,000 × "💥" (astral)', '💥'.repeat(20_000)],
      ] as const,
      1,
    ))
      json('huge-string', `${field} = ${label}`, JSON.stringify({ ...body, [field]: text }));
  for (const field of arrayFields)
    json(
      'huge-array',
      `${field} with 20,000 items`,
      JSON.stringify({ ...body, [field]: Array(20_000).fill((body[field] as Json[])[0] ?? 'x') }),
    );
  const [zeroed = 'padding'] = pick(fields, 1);
  const copies = Math.min(2_000, Math.floor(300_000 / (JSON.stringify(body).length + 1)));
  for (const [label, text] of pick(
    [
      [`${zeroed} = 20,000 zeros`, JSON.stringify({ ...body, [zeroed]: Array(20_000).fill(0) })],
      [`body is ${copies} copies of itself`, JSON.stringify(Array(copies).fill(body))],
    ] as const,
    1,
  ))
    json('huge-array', label, text);

  // Deep nesting.
  const [deepField = 'nested'] = pick(fields, 1);
  for (const [label, text] of pick(
    [
      [`${deepField} nested 10,000 objects deep`, withRawMember(body, deepField, deepJson(10_000, false))],
      [`${deepField} nested 20,000 arrays deep`, withRawMember(body, deepField, deepJson(20_000, true))],
      ['extra member nested 1,000 deep', withRawMember(body, 'nested', deepJson(1_000, false))],
      [`${deepField} nested 40 deep`, withRawMember(body, deepField, deepJson(40, false))],
    ] as const,
    1,
  ))
    json('deep-json', label, text);

  // Text that is not well-formed Unicode: raw bytes, and escapes for surrogates and NUL.
  const textField = textFields[0];
  for (const [label, bytes] of pick(INVALID_UTF8, 2)) {
    const field = textField ?? 'note';
    const [before, after] = JSON.stringify({ ...body, [field]: '@bytes@' }).split('@bytes@');
    bytesOf('invalid-unicode', `${label} in ${field}`, new Uint8Array([...utf8(before), ...bytes, ...utf8(after)]));
  }
  for (const [label, escape] of pick(BAD_ESCAPES, 1)) {
    const field = textField ?? 'note';
    json('invalid-unicode', `${label} in ${field}`, withRawMember(body, field, `"a${escape}b"`));
  }

  // Text payloads: wherever a value goes (every member holds it, plus a member named after it), and in free text
  // with a stale version, so that the rule that refuses them is the version check, after parsing and validation.
  const payloadKinds: [HostileKind, readonly string[]][] = [
    ['sql-injection', SQL_INJECTION],
    ['script-injection', SCRIPT_INJECTION],
    ['invisible-characters', INVISIBLE],
  ];
  for (const [kind, payloads] of payloadKinds) {
    for (const payload of pick(payloads, 1)) {
      const everywhere: JsonObject = Object.fromEntries(fields.map((field) => [field, payload]));
      everywhere[payload] = payload;
      json(kind, `every member = ${JSON.stringify(payload)}`, JSON.stringify(everywhere));
    }
    if (hasVersion)
      for (const payload of pick(payloads, 1)) {
        const free = Object.fromEntries(
          Object.entries(body).map(([field, value]) => [field, isFreeText(value) ? payload : value]),
        );
        json(
          kind,
          `free text = ${JSON.stringify(payload)}, stale version`,
          JSON.stringify({ ...free, version: stale }),
        );
      }
  }

  // Numbers out of every range.
  for (const field of pick(numberFields, 2))
    for (const [label, raw] of pick(BAD_NUMBERS, 3))
      json('bad-number', `${field} = ${label}`, withRawMember(body, field, raw));
  if (hasVersion) {
    for (const [label, raw] of pick(BOGUS_VERSIONS, 3))
      json('bogus-version', `version = ${label}`, withRawMember(body, 'version', raw));
    json('bogus-version', 'stale version', JSON.stringify({ ...body, version: stale }));
  }
}
