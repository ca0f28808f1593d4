import type { RedisOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/**
 * Producers refuse commands while disconnected instead of queueing them in memory, so a
 * caller learns at once that Redis is gone (the outbox keeps the job meanwhile).
 */
export function producerConnection(config: AppConfig): RedisOptions {
  return {
    url: config.REDIS_URL,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Closed between reconnect attempts, ioredis waits this long for a socket that is already gone.
    disconnectTimeout: 200,
    // Tries again at most 1 s apart (BullMQ's default lets the gap grow to 20 s), so that the outbox relay, which
    // waits for this connection to be ready again, resumes soon after a long outage ends.
    retryStrategy: (times: number) => Math.min(times * 100, 1_000),
  };
}

/** Workers block on Redis and must keep retrying through outages; BullMQ requires `null` here. */
export function workerConnection(config: AppConfig): RedisOptions {
  return { url: config.REDIS_URL, maxRetriesPerRequest: null };
}
