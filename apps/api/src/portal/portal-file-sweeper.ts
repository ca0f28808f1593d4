import { unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PORTAL_FILE_REMOVAL_CHANNEL, PortalRepository } from './portal.repository';

const BATCH = 200;
const RECONNECT_MS = 5_000;

/**
 * Removes the uploaded files of deleted items. The database queues a file name whenever its document row goes, in
 * the deleting transaction (see the PortalFileRemoval migration), and notifies once that commits; this removes the
 * files and their queue rows. A file that cannot be removed is logged and left, never an error for the delete.
 * Files queued while no API process listened are removed when one starts (or its listener reconnects).
 */
@Injectable()
export class PortalFileSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PortalFileSweeper.name);
  private running = false;
  private listener?: Client;
  private reconnect?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private sweepAgain = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly portal: PortalRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnect);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.sweeping;
  }

  /** Sweeps now; a wake-up during a sweep runs one more after it, so nothing queued meanwhile waits. */
  wake(): void {
    if (!this.running) return;
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = this.sweep()
      .catch((error: unknown) => this.logger.warn({ msg: 'portal file sweep failed', error: (error as Error).message }))
      .finally(() => {
        this.sweeping = undefined;
        if (this.sweepAgain) {
          this.sweepAgain = false;
          this.wake();
        }
      });
  }

  /** Removes every queued file, a batch per transaction (rows locked, so several API processes share the work). */
  async sweep(): Promise<void> {
    const dir = resolve(this.config.PORTAL_UPLOAD_DIR);
    for (;;) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const rows = await this.portal.claimFileRemovals(manager, BATCH);
        for (const row of rows) await this.remove(dir, row.storedName);
        await this.portal.forgetFileRemovals(
          manager,
          rows.map((row) => row.id),
        );
        return rows.length;
      });
      if (claimed < BATCH) return;
    }
  }

  private async remove(dir: string, storedName: string): Promise<void> {
    // Names are ours (random hex); anything else is not a file of this directory.
    if (basename(storedName) !== storedName || storedName.startsWith('.')) {
      this.logger.warn({ msg: 'portal file removal skipped: not a stored name', storedName });
      return;
    }
    try {
      await unlink(join(dir, storedName));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      this.logger.warn({
        msg: 'portal file of a deleted item could not be removed',
        path: join(dir, storedName),
        error: (error as Error).message,
      });
    }
  }

  /** A dedicated connection, since LISTEN ties up the session; it sweeps once listening, for what came meanwhile. */
  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'irm-portal-files',
      connectionTimeoutMillis: 5_000,
    });
    const lost = (error?: Error): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.warn({ msg: 'portal file listener lost; reconnecting', error: error?.message });
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${PORTAL_FILE_REMOVAL_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.warn({ msg: 'portal file listener could not connect', error: (error as Error).message });
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
      return;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.wake();
  }
}
