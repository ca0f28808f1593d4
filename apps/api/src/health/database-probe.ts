import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

/**
 * One PostgreSQL connection of its own for the health check, outside the pool: when every pooled connection is
 * busy the check still answers whether the server does, instead of queueing for a connection behind the requests.
 * Connected on first use; dropped after any failure or timeout and opened again by the next check.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private client?: Promise<Client>;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /**
   * Resolves when `SELECT 1` answers within `timeoutMs` (connecting included), else rejects. A kept connection that
   * fails (the server restarted since) is replaced once within that time.
   */
  async ping(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const reused = this.client !== undefined;
    try {
      await this.attempt(timeoutMs);
    } catch (error) {
      if (!reused || Date.now() >= deadline) throw error;
      await this.attempt(deadline - Date.now());
    }
  }

  private async attempt(timeoutMs: number): Promise<void> {
    if (this.closed) throw new Error('closed');
    const connection = (this.client ??= this.connect(timeoutMs));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([connection.then((client) => client.query('SELECT 1')), timeout]);
    } catch (error) {
      // A connection that failed or hung once is not trusted again (a server gone silent leaves queries waiting).
      this.drop(connection);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const connection = this.client;
    this.client = undefined;
    await connection?.then((client) => client.end()).catch(() => undefined);
  }

  private connect(timeoutMs: number): Promise<Client> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'irm-health',
      connectionTimeoutMillis: timeoutMs,
      keepAlive: true,
    });
    const connection = client.connect().then(
      () => client,
      async (error: unknown) => {
        await client.end().catch(() => undefined);
        throw error;
      },
    );
    // A server restart or a killed backend ends the connection; the next check opens a new one.
    client.on('error', () => this.drop(connection));
    client.on('end', () => this.drop(connection));
    return connection;
  }

  private drop(connection: Promise<Client>): void {
    void connection.then(
      (client) => client.end().catch(() => undefined),
      () => undefined,
    );
    if (this.client === connection) this.client = undefined;
  }
}
