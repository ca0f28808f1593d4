import { CSRF_COOKIE, Role } from '@irm/contracts';
import { UsersService } from '../../src/users/users.service';
import type { TestApp } from './test-app';

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header a browser page would send. */
  withoutCsrf?: boolean;
}

/** Speaks to the API over HTTP like a browser (cookies, CSRF header) or a script (bearer token). */
export class TestClient {
  bearer?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser (cookies, token) speaking to another API process. */
  at(baseUrl: string): TestClient {
    const other = new TestClient(baseUrl, this.cookies);
    other.bearer = this.bearer;
    return other;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const form = options.body instanceof FormData;
    if (options.body !== undefined && !form) headers['content-type'] ??= 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (csrf && !options.withoutCsrf && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : form || typeof options.body === 'string'
            ? (options.body as FormData | string)
            : JSON.stringify(options.body),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: text && type.includes('json') ? JSON.parse(text) : text,
    };
  }

  /** A GET whose body is kept as bytes (file downloads). */
  async download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(`${this.baseUrl}${path}`, { headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('POST', path, { ...options, body });
  }
  patch(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PATCH', path, { ...options, body });
  }
  put(path: string, body?: unknown, options?: RequestOptions) {
    return this.request('PUT', path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }

  async login(email: string, password: string): Promise<TestResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200)
      throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }
}

export const TEST_PASSWORD = 'Lộ trình xúc tiến 2026!';

let counter = 0;

/** A user of the given role created through the service (so with a real argon2id hash). */
export async function createUser(t: TestApp, role: Role, overrides: { email?: string; name?: string } = {}) {
  counter++;
  return t.app.get(UsersService).create({
    email: overrides.email ?? `${role}${counter}@ipa.test`,
    name: overrides.name ?? `${role} ${counter}`,
    role,
    password: TEST_PASSWORD,
  });
}

/** A signed-in browser-like client for a fresh user of that role. */
export async function signedIn(t: TestApp, role: Role) {
  const user = await createUser(t, role);
  const client = new TestClient(t.baseUrl);
  await client.login(user.email, TEST_PASSWORD);
  return { user, client };
}
