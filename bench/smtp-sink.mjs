// An SMTP server that accepts everything and records when each message arrived, for the mail bench.
// It runs in a worker thread of the bench process, so the bench's own work (rendering and queuing emails,
// the raw nodemailer loop) never holds up its replies or its clock readings.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Starts the sink on `port` (0: any free port). `arrivals()` returns what was accepted since the last call:
 * `{ at, messageId, to, bytes }` each, `at` in wall-clock milliseconds taken just before the 250 reply.
 */
export async function startSmtpSink(port = 0) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { port } });
  const replies = new Map();
  let nextRequest = 0;
  worker.on('message', ({ request, value }) => {
    replies.get(request)?.(value);
    replies.delete(request);
  });
  const ask = (type) =>
    new Promise((resolve) => {
      const request = nextRequest++;
      replies.set(request, resolve);
      worker.postMessage({ type, request });
    });
  const listening = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    port: listening.port,
    url: `smtp://127.0.0.1:${listening.port}`,
    arrivals: () => ask('arrivals'),
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData?.port !== undefined) {
  const require = createRequire(import.meta.url);
  const { SMTPServer } = require('smtp-server');
  let pending = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 1_000,
    // No reverse DNS lookup of each connecting client: nothing to learn from 127.0.0.1, and it costs a round trip.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      let bytes = 0;
      let head = '';
      stream.on('data', (chunk) => {
        bytes += chunk.length;
        if (head.length < 8_192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const headers = head.slice(0, Math.max(0, head.indexOf('\r\n\r\n')));
        pending.push({
          at: wallClock(),
          messageId: /^message-id:\s*(<[^>]+>)/im.exec(headers)?.[1] ?? null,
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          bytes,
        });
        callback(null, `Ok: queued as BENCH${pending.length}`);
      });
    },
  });
  // A client that drops its connection is not the sink's problem.
  server.on('error', () => undefined);
  server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
  parentPort.on('message', ({ type, request }) => {
    if (type === 'arrivals') {
      parentPort.postMessage({ request, value: pending });
      pending = [];
    } else if (type === 'close') {
      server.close(() => parentPort.postMessage({ request, value: null }));
    }
  });
}
