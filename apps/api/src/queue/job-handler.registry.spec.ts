import { INestApplicationContext, Module, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { JobHandler } from './job-handler.decorator';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobName } from './queue-names';

@JobHandler(JobName.PurgeRelayedOutbox)
class PurgeHandler implements JobHandler<JobName.PurgeRelayedOutbox> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.PurgeRelayedOutbox)
class SecondPurgeHandler implements JobHandler<JobName.PurgeRelayedOutbox> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.RunImport)
class RunImportHandler implements JobHandler<JobName.RunImport> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.PurgeImportFiles)
class PurgeImportFilesHandler implements JobHandler<JobName.PurgeImportFiles> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.SendEmail)
class SendEmailHandler implements JobHandler<JobName.SendEmail> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.RecoverEmails)
class RecoverEmailsHandler implements JobHandler<JobName.RecoverEmails> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.FireReminder)
class FireReminderHandler implements JobHandler<JobName.FireReminder> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.ReconcileReminders)
class ReconcileRemindersHandler implements JobHandler<JobName.ReconcileReminders> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.SweepReminders)
class SweepRemindersHandler implements JobHandler<JobName.SweepReminders> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler(JobName.DailyDigest)
class DailyDigestHandler implements JobHandler<JobName.DailyDigest> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@JobHandler('reports.unknown' as JobName)
class StrayHandler implements JobHandler {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

describe('JobHandlerRegistry', () => {
  let app: INestApplicationContext | undefined;
  afterEach(() => app?.close());

  async function registryWith(handlers: Type[]): Promise<JobHandlerRegistry> {
    @Module({ imports: [DiscoveryModule], providers: [JobHandlerRegistry, ...handlers] })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false, abortOnError: false });
    return app.get(JobHandlerRegistry);
  }

  it('maps each job name to its one handler', async () => {
    const registry = await registryWith([
      PurgeHandler,
      RunImportHandler,
      PurgeImportFilesHandler,
      SendEmailHandler,
      RecoverEmailsHandler,
      FireReminderHandler,
      ReconcileRemindersHandler,
      SweepRemindersHandler,
      DailyDigestHandler,
    ]);
    registry.resolve();
    expect(registry.handlerFor(JobName.PurgeRelayedOutbox)).toBeInstanceOf(PurgeHandler);
    expect(registry.handlerFor('reports.unknown')).toBeUndefined();
  });

  it('names a job that has no handler', async () => {
    const registry = await registryWith([]);
    expect(() => registry.resolve()).toThrow('"maintenance.purge-relayed-outbox" has no handler');
  });

  it('names both handlers of a job handled twice', async () => {
    const registry = await registryWith([PurgeHandler, SecondPurgeHandler]);
    expect(() => registry.resolve()).toThrow(
      '"maintenance.purge-relayed-outbox" has 2 handlers: PurgeHandler, SecondPurgeHandler',
    );
  });

  it('refuses a handler for a job name that does not exist', async () => {
    const registry = await registryWith([PurgeHandler, StrayHandler]);
    expect(() => registry.resolve()).toThrow('StrayHandler handles unknown job "reports.unknown"');
  });

  it('refuses to look up handlers before they are checked', async () => {
    const registry = await registryWith([PurgeHandler]);
    expect(() => registry.handlerFor(JobName.PurgeRelayedOutbox)).toThrow('resolve() must run');
  });
});
