import { plainToInstance, Transform } from 'class-transformer';
import {
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

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key, so several installations (or test files) can share a server. */
  @Matches(/^[a-z0-9:_-]{1,40}$/i, { message: 'must be 1-40 letters, digits, ":", "_" or "-"' })
  REDIS_PREFIX = 'irm';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
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
  MAIL_FROM = 'IRM <no-reply@irm.local>';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET?: string;

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

  /** Directory of the built web app served at `/`; empty disables static serving. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
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
  for (const key of [...known, 'APP_URL', 'SMTP_URL', 'SESSION_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'WEB_DIST_DIR']) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const config = plainToInstance(AppConfig, relevant);
  const problems = describe(validateSync(config, { skipMissingProperties: false }));
  if (!isValidTimeZone(config.TZ_BUSINESS)) problems.push('TZ_BUSINESS: unknown time zone');
  if (config.isProduction && !config.SESSION_SECRET) problems.push('SESSION_SECRET: required in production');
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
