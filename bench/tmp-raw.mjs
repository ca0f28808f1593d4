import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { startSmtpSink } from './smtp-sink.mjs';
const require = createRequire(import.meta.url);
process.env.NODE_ENV = 'production';
const { createTransport } = require('nodemailer');
const MailComposer = require('nodemailer/lib/mail-composer');
const { renderEmail } = require('../dist/api/apps/api/src/mail/templates/email-templates.js');
const { mimeBytes } = require('../dist/api/apps/api/src/mail/mime-bytes.js');
const mode = process.argv[2] ?? 'raw';
const N = Number(process.argv[3] ?? 4000), C = 8;
const sink = await startSmtpSink(0);
const rendered = renderEmail('notification', { subject: 'Nhắc việc: gọi lại nhà đầu tư về lô đất tại CCN Đồng Sóc (#1)', paragraphs: ['Đã đến giờ nhắc cho công việc được giao cho anh/chị: gọi lại Công ty TNHH Cơ khí Chính xác Vĩnh Phúc về nhu cầu thuê 3,5 ha đất công nghiệp tại cụm công nghiệp Đồng Sóc, huyện Vĩnh Tường.', 'Hạn hoàn thành: 17:00 thứ Sáu.'], action: { label: { vi: 'Mở', en: 'Open' }, url: 'https://crm.ipa.bench.test/tasks/1' } }, { language: 'vi', agency: { name: 'Trung tâm Xúc tiến Đầu tư', address: 'Vĩnh Phúc' }, timeZone: 'Asia/Ho_Chi_Minh' });
const t = createTransport({ url: sink.url, pool: true, maxConnections: C, connectionTimeout: 10000, greetingTimeout: 10000, socketTimeout: 60000, maxRequeues: 0 });
const FROM = 'Trung tâm Xúc tiến Đầu tư <no-reply@ipa.bench.test>';
const cpu = () => { const f = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) * 10; };
const data = (n) => ({ from: FROM, to: { name: 'Nguyễn Thị Thu Hương', address: 'huong@ipa.bench.test' }, subject: rendered.subject, text: rendered.text, html: rendered.html, messageId: `<m-${n}-${Math.random()}@ipa.bench.test>`, headers: { 'Auto-Submitted': 'auto-generated' }, disableFileAccess: true, disableUrlAccess: true });
async function one(n) {
  if (mode === 'raw') return t.sendMail(data(n));
  const message = new MailComposer(data(n)).compile();
  const composed = { envelope: message.getEnvelope(), messageId: message.messageId(), raw: (mode === 'sync' ? mimeBytes(message) : null) ?? await message.build() };
  const mail = { data: {}, message: { getEnvelope: () => ({ from: composed.envelope.from, to: [...composed.envelope.to] }), messageId: () => composed.messageId, getHeader: () => composed.messageId, createReadStream: () => composed.raw } };
  return new Promise((res, rej) => t.transporter.send(mail, (e, i) => (e ? rej(e) : res(i))));
}
for (let round = 0; round < 2; round++) {
  let next = 0; const c0 = cpu(); const t0 = performance.now();
  await Promise.all(Array.from({ length: C }, async () => { while (next < N) { const n = next++; await one(n); } }));
  const ms = performance.now() - t0; const c = cpu() - c0;
  console.log(`${mode} round ${round}: ${(N / ms * 1000).toFixed(0)}/s, main thread CPU ${(c / N).toFixed(3)} ms/email`);
  await sink.arrivals();
}
t.close(); await sink.close(); process.exit(0);
