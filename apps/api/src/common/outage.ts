/** SQLSTATE classes and codes that mean the connection, not the statement, failed. */
const LOST_CONNECTION_CODES = /^(08|57P0[1-3]|53300)/;
/** Socket errors of a server that is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What pg, pg-pool, TypeORM and ioredis throw when a connection dies under a query or cannot be had. */
const LOST_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Stream isn't writeable)/;
const LOST_CONNECTION_NAMES = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
  'MaxRetriesPerRequestError',
  'RedisUnavailableError',
]);

/**
 * Whether an error means PostgreSQL or Redis is unreachable (restarting, failing over, out of connections) rather
 * than that the request or the code is wrong: the client may retry, so it gets 503 instead of 500.
 */
export function isDependencyOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, severity, driverError, cause } = current as Error & {
      code?: unknown;
      severity?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (LOST_CONNECTION_NAMES.has(current.name) || LOST_CONNECTION_MESSAGES.test(current.message)) return true;
    // PostgreSQL reports everything that ends a session (shutdown, a database closed to connections) as FATAL.
    if (severity === 'FATAL') return true;
    if (typeof code === 'string' && (LOST_CONNECTION_CODES.test(code) || NETWORK_CODES.has(code))) return true;
    current = driverError ?? cause;
  }
  return false;
}
