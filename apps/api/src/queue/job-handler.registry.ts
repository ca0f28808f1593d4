import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobHandler, JobHandlerFor } from './job-handler.decorator';
import { JobName } from './queue-names';

export class JobHandlerRegistryError extends Error {
  constructor(problems: string[]) {
    super(`Job handlers are misconfigured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'JobHandlerRegistryError';
  }
}

/** Finds the `@JobHandler` providers and insists on exactly one per job name. */
@Injectable()
export class JobHandlerRegistry {
  private handlers?: Map<string, JobHandler>;

  constructor(private readonly discovery: DiscoveryService) {}

  /** Throws one error listing every job name with no handler or with several. */
  resolve(): void {
    const jobNames: string[] = Object.values(JobName);
    const found = new Map<string, { className: string; instance: JobHandler }[]>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: JobHandlerFor.KEY })) {
      const jobName = this.discovery.getMetadataByDecorator(JobHandlerFor, wrapper);
      if (!jobName) continue;
      const entries = found.get(jobName) ?? [];
      entries.push({
        className: wrapper.metatype?.name ?? String(wrapper.token),
        instance: wrapper.instance as JobHandler,
      });
      found.set(jobName, entries);
    }
    const problems: string[] = [];
    for (const jobName of jobNames) {
      const entries = found.get(jobName) ?? [];
      if (entries.length === 0) problems.push(`"${jobName}" has no handler`);
      if (entries.length > 1)
        problems.push(`"${jobName}" has ${entries.length} handlers: ${entries.map((e) => e.className).join(', ')}`);
    }
    for (const [jobName, entries] of found) {
      if (!jobNames.includes(jobName))
        problems.push(`${entries.map((e) => e.className).join(', ')} handles unknown job "${jobName}"`);
      for (const entry of entries) {
        if (typeof entry.instance?.handle !== 'function') problems.push(`${entry.className} has no handle() method`);
      }
    }
    if (problems.length > 0) throw new JobHandlerRegistryError(problems);
    this.handlers = new Map([...found].map(([jobName, [entry]]) => [jobName, entry.instance]));
  }

  handlerFor(jobName: string): JobHandler | undefined {
    if (!this.handlers) throw new Error('JobHandlerRegistry.resolve() must run before jobs are handled');
    return this.handlers.get(jobName);
  }
}
