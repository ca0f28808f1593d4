import { AppConfig } from '../config/app-config';
import { mailAddress, mailDomain } from './mail-address';
import { isPermanentSmtpFailure, smtpErrorText, smtpQueueId } from './mail-transport';
import { UnsubscribeTokens } from './unsubscribe-tokens';

describe('mail addresses', () => {
  it.each([
    ['Trung tâm XTĐT <no-reply@IPA.example.vn>', 'no-reply@IPA.example.vn', 'ipa.example.vn'],
    ['no-reply@irm.local', 'no-reply@irm.local', 'irm.local'],
    ['"Agency, Vĩnh Phúc" <a@b.vn>', 'a@b.vn', 'b.vn'],
    ['not an address', undefined, 'localhost'],
  ])('%s', (mailbox, address, domain) => {
    expect(mailAddress(mailbox)).toBe(address);
    expect(mailDomain(mailbox)).toBe(domain);
  });
});

describe('SMTP replies', () => {
  it.each([
    ['250 2.0.0 Ok: queued as 4C2F1A2B', '4C2F1A2B'],
    ['250 OK id=1q2w3e-0004', '1q2w3e-0004'],
    ['250 Accepted', '250 Accepted'],
  ])('takes the queue id from %s', (reply, id) => expect(smtpQueueId(reply)).toBe(id));

  it('tells a permanent refusal from a temporary one', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(false);
    expect(smtpErrorText({ response: '451 4.7.1 Greylisted', message: 'x' })).toBe('451 4.7.1 Greylisted');
    expect(smtpErrorText(new Error('connect ECONNREFUSED'))).toBe('connect ECONNREFUSED');
  });
});

describe('unsubscribe tokens', () => {
  const config = Object.assign(new AppConfig(), {
    SESSION_SECRET: 'a'.repeat(40),
    APP_URL: 'https://crm.example.vn/',
  });
  const tokens = new UnsubscribeTokens(config);
  const contactId = '8d3c1f2e-1a2b-4c3d-9e8f-0a1b2c3d4e5f';

  it('names the contact it was made for, and builds the page and one-click links', () => {
    const token = tokens.tokenFor(contactId);
    expect(tokens.contactOf(token)).toBe(contactId);
    expect(tokens.contactOf(token.replace(contactId, contactId.toUpperCase()))).toBe(contactId);
    expect(tokens.links(contactId)).toEqual({
      page: `https://crm.example.vn/unsubscribe/${token}`,
      oneClick: `https://crm.example.vn/api/public/unsubscribe/${token}`,
    });
  });

  it('refuses tokens for another contact, another key or no shape at all', () => {
    const token = tokens.tokenFor(contactId);
    const other = '8d3c1f2e-1a2b-4c3d-9e8f-0a1b2c3d4e50';
    expect(tokens.contactOf(`${other}${token.slice(contactId.length)}`)).toBeNull();
    const otherKey = new UnsubscribeTokens(Object.assign(new AppConfig(), { SESSION_SECRET: 'b'.repeat(40) }));
    expect(otherKey.contactOf(token)).toBeNull();
    for (const bad of ['', 'nonsense', `${contactId}.`, `${contactId}`, 'x.y'])
      expect(tokens.contactOf(bad)).toBeNull();
  });
});
