import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** An integer setting: parsed from text, bounded. */
function IntSetting(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value))(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every setting the processes read, parsed once from the environment.
 * Nothing else in the code base reads `process.env`.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/irm';

  /**
   * Connections each process keeps open to PostgreSQL at most. Every API and worker process has its own pool, so
   * the sum over all processes (plus one listening connection each, and an API's health-check connection) must stay
   * below the server's max_connections.
   */
  @IntSetting(2, 200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key, so several installations (or test files) can share a server. */
  @Matches(/^[a-z0-9:_-]{1,40}$/i, { message: 'must be 1-40 letters, digits, ":", "_" or "-"' })
  REDIS_PREFIX = 'irm';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  APP_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @Matches(/^(?:[^<>]*<[^<>\s]+@[^<>\s]+>|[^<>\s@]+@[^<>\s@]+)\s*$/, {
    message: 'must be an address, e.g. "Investment Promotion Centre <no-reply@ipa.example.vn>"',
  })
  MAIL_FROM = 'IRM <no-reply@irm.local>';

  /** Key for hashing session and API tokens at rest. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET?: string;

  /** A session ends after this many minutes without a request. */
  @IntSetting(1, 24 * 60)
  SESSION_IDLE_MINUTES = 60;

  /** A session ends this many hours after sign-in, however active. */
  @IntSetting(1, 24 * 30)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Failed sign-ins allowed per account per window before 429. */
  @IntSetting(1, 1000)
  LOGIN_LIMIT_PER_ACCOUNT = 5;

  /** Sign-in attempts allowed per client address per window before 429. */
  @IntSetting(1, 100_000)
  LOGIN_LIMIT_PER_IP = 30;

  @IntSetting(1, 24 * 60)
  LOGIN_WINDOW_MINUTES = 15;

  /** Requests allowed per signed-in user per minute. */
  @IntSetting(1, 1_000_000)
  API_LIMIT_PER_MINUTE = 600;

  /** How long an invitation link works (7 days by default). */
  @IntSetting(1, 24 * 30)
  INVITATION_TTL_HOURS = 168;

  /** How long a password reset link works. */
  @IntSetting(5, 24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Reset emails one address may be sent per window; further requests are answered alike and send nothing. */
  @IntSetting(1, 1000)
  PASSWORD_RESET_LIMIT_PER_ACCOUNT = 3;

  /** Reset requests allowed per client address per window before 429. */
  @IntSetting(1, 100_000)
  PASSWORD_RESET_LIMIT_PER_IP = 20;

  @IntSetting(1, 24 * 60)
  PASSWORD_RESET_WINDOW_MINUTES = 60;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsString()
  @Matches(/^[A-Za-z_]+\/[A-Za-z_]+/, { message: 'must be an IANA time zone such as Asia/Ho_Chi_Minh' })
  TZ_BUSINESS = 'Asia/Ho_Chi_Minh';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Jobs one worker process runs at once, per queue. */
  @IntSetting(1, 100)
  WORKER_CONCURRENCY = 5;

  /** How long a stopping worker waits for its running jobs before abandoning them (they are retried). */
  @IntSetting(0, 600_000)
  WORKER_SHUTDOWN_GRACE_MS = 8_000;

  /** The outbox relay wakes on NOTIFY; this poll is the fallback when a notification is missed. */
  @IntSetting(50, 60_000)
  OUTBOX_POLL_INTERVAL_MS = 1_000;

  @IntSetting(1, 1_000)
  OUTBOX_BATCH_SIZE = 100;

  /**
   * A job whose worker stops renewing its lock for this long (the process died) is taken up again by
   * another worker; BullMQ checks for such jobs at the same interval.
   */
  @IntSetting(1_000, 600_000)
  WORKER_LOCK_MS = 30_000;

  /**
   * How often a worker checks that Redis still holds its data. Redis restarted empty (or flushed) under running
   * workers loses the recurring jobs and every queued one; the worker then registers the recurring jobs again and
   * runs the start-up recovery (lost emails and reminders get jobs again from PostgreSQL).
   */
  @IntSetting(500, 600_000)
  WORKER_REDIS_CHECK_MS = 10_000;

  /** SMTP attempts per email before it is marked failed (an admin can retry it then). */
  @IntSetting(1, 50)
  MAIL_SEND_ATTEMPTS = 8;

  /** Wait before the first retry of a refused email; each later retry waits twice as long. */
  @IntSetting(10, 3_600_000)
  MAIL_RETRY_DELAY_MS = 30_000;

  /**
   * Emails one worker process sends at once, each on its own pooled SMTP connection. Each also holds one of
   * the worker's database connections from the start of its SMTP exchange to the record of its outcome (so
   * recording never waits for one), which is why it stays below DATABASE_POOL_SIZE. A connection freed by a
   * job that is still recording is taken by the next job, which may then wait for a database connection
   * before its exchange (never between the server's acceptance and the record).
   */
  @IntSetting(1, 8)
  MAIL_CONCURRENCY = 5;

  /**
   * Send jobs running per SMTP connection: while one job is in its SMTP exchange the others claim their
   * emails and complete in Redis, so the connections never wait for that bookkeeping.
   */
  @IntSetting(1, 8)
  MAIL_JOBS_PER_CONNECTION = 3;

  /**
   * Working days an item stays overdue in the same stage entry, after its first overdue day, before every
   * manager who wants escalations is told.
   */
  @IntSetting(1, 60)
  SLA_ESCALATION_WORKING_DAYS = 2;

  /**
   * A reminder whose moment is already this many hours past when it is planned is recorded as skipped and not
   * sent: history entered after the fact, or the first run over old data. One planned in time is sent however
   * late it fires (after an outage).
   */
  @IntSetting(1, 24 * 365)
  REMINDER_SKIP_AFTER_HOURS = 24;

  /** Working days after an event ends when the owners of its contacts still in "Met" are reminded. */
  @IntSetting(1, 30)
  EVENT_FOLLOW_UP_WORKING_DAYS = 3;

  /** Days an investor's tracking link works; a re-sent link starts again. */
  @IntSetting(1, 3650)
  PORTAL_TRACKING_DAYS = 180;

  /** Where documents uploaded from the tracking page are kept (relative paths: from the working directory). */
  @IsString()
  @MinLength(1)
  PORTAL_UPLOAD_DIR = '.data/portal-uploads';

  /** Largest document an investor may upload, in MB. */
  @IntSetting(1, 100)
  PORTAL_UPLOAD_MAX_MB = 10;

  /** Public form posts (forms, messages, uploads, re-sent links) allowed per client address per window. */
  @IntSetting(1, 1_000_000)
  PORTAL_LIMIT_PER_IP = 20;

  /** Public form posts allowed per email address (and per tracking link) per window. */
  @IntSetting(1, 1_000_000)
  PORTAL_LIMIT_PER_EMAIL = 5;

  /** Tracking links that do not work, tried from one client address per window, before it is refused (429). */
  @IntSetting(1, 1_000_000)
  PORTAL_TRACKING_MISSES_PER_IP = 30;

  @IntSetting(1, 24 * 60)
  PORTAL_WINDOW_MINUTES = 60;
  /** Working days before a loan's documents or milestone deadline that the applicant is reminded, at 08:00. */
  @IntSetting(0, 60)
  LOAN_DEADLINE_NOTICE_WORKING_DAYS = 3;

  /** Set when a reverse proxy in front of the API sets X-Forwarded-For / -Proto. */
  @Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean()
  TRUST_PROXY = false;

  /** Directory of the built web app served at `/`; empty disables static serving. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get sessionSecret(): string {
    // Development and tests only: production start-up requires SESSION_SECRET.
    return this.SESSION_SECRET ?? 'irm-development-session-secret-do-not-use-in-production';
  }

  /** Served over https: cookies get Secure, browsers get HSTS. */
  get secureCookies(): boolean {
    return this.appUrl.startsWith('https://');
  }

  get appUrl(): string {
    return this.APP_URL ?? `http://localhost:${this.PORT}`;
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
}

/** Parses and validates settings; throws one error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()) as string[];
  const relevant: Record<string, string> = {};
  for (const key of [
    ...known,
    'APP_URL',
    'SMTP_URL',
    'SESSION_SECRET',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'WEB_DIST_DIR',
  ]) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const config = plainToInstance(AppConfig, relevant);
  const problems = describe(validateSync(config, { skipMissingProperties: false }));
  if (!isValidTimeZone(config.TZ_BUSINESS)) problems.push('TZ_BUSINESS: unknown time zone');
  if (config.isProduction && !config.SESSION_SECRET) problems.push('SESSION_SECRET: required in production');
  if (
    [config.MAIL_CONCURRENCY, config.DATABASE_POOL_SIZE].every(Number.isInteger) &&
    config.MAIL_CONCURRENCY >= config.DATABASE_POOL_SIZE
  )
    problems.push(
      `MAIL_CONCURRENCY: must be below DATABASE_POOL_SIZE (${config.DATABASE_POOL_SIZE}); each email being sent holds a database connection`,
    );
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
