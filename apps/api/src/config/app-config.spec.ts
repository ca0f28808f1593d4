import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/irm',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      TZ_BUSINESS: 'Asia/Ho_Chi_Minh',
      MAIL_SEND_ATTEMPTS: 8,
      MAIL_RETRY_DELAY_MS: 30_000,
      WORKER_LOCK_MS: 30_000,
    });
    expect(config.appUrl).toBe('http://localhost:3000');
  });

  it('parses numbers and keeps given values', () => {
    const config = loadConfig({
      PORT: '8080',
      APP_URL: 'https://ipa.example.gov.vn',
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(config.PORT).toBe(8080);
    expect(config.appUrl).toBe('https://ipa.example.gov.vn');
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://mail',
        TZ_BUSINESS: 'Mars/Olympus_Mons',
        ADMIN_PASSWORD: 'short',
        LOG_LEVEL: 'loud',
        MAIL_FROM: 'the agency',
        MAIL_SEND_ATTEMPTS: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const names = (error as ConfigValidationError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'SMTP_URL',
        'TZ_BUSINESS',
        'ADMIN_PASSWORD',
        'LOG_LEVEL',
        'MAIL_FROM',
        'MAIL_SEND_ATTEMPTS',
      ]),
    );
    expect((error as Error).message).toMatch(/^Invalid settings:\n {2}- /);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).isProduction).toBe(true);
  });

  it('keeps the mail senders below the database pool, which each of them holds a connection of', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '4', MAIL_CONCURRENCY: '3' }).DATABASE_POOL_SIZE).toBe(4);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '4' })).toThrow(/MAIL_CONCURRENCY: must be below DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(
      /DATABASE_POOL_SIZE: DATABASE_POOL_SIZE must not be less than 2/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ SMTP_URL: '', PORT: '' }).PORT).toBe(3000);
  });
});
