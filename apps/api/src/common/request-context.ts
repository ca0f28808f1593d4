import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal';

/** What every write needs to know about the request that causes it (for the audit trail). */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  principal: Principal | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, task: () => T): T {
  return storage.run(context, task);
}

/** Outside a request (jobs, seeds) there is no actor: the system acts. */
export function currentRequestContext(): RequestContext {
  return storage.getStore() ?? { requestId: null, ip: null, principal: null };
}
