import { emailsOf, InvalidJobPayloadError, PurgeRelayedOutboxPayload, validateJobPayload } from './job-payloads';
import { JobName } from './queue-names';

describe('validateJobPayload', () => {
  const purge = JobName.PurgeRelayedOutbox;

  it('returns the payload as its DTO class', () => {
    const payload = validateJobPayload(purge, { retentionDays: 7 });
    expect(payload).toBeInstanceOf(PurgeRelayedOutboxPayload);
    expect(payload).toEqual({ retentionDays: 7 });
  });

  it.each([
    [{}, 'retentionDays: retentionDays must be an integer number'],
    [{ retentionDays: '7' }, 'retentionDays: retentionDays must be an integer number'],
    [{ retentionDays: 0 }, 'retentionDays: retentionDays must not be less than 1'],
    [{ retentionDays: 7, email: 'investor@example.com' }, 'email: unknown field "email"'],
  ])('refuses %j', (payload, message) => {
    expect(() => validateJobPayload(purge, payload)).toThrow(InvalidJobPayloadError);
    expect(() => validateJobPayload(purge, payload)).toThrow(message);
  });

  it.each([null, 'x', [1]])('refuses a payload that is not an object: %j', (payload) => {
    expect(() => validateJobPayload(purge, payload)).toThrow('payload: must be an object');
  });

  it('refuses an unknown job name', () => {
    expect(() => validateJobPayload('reports.nightly', {})).toThrow(
      'Invalid payload for job "reports.nightly": jobName: unknown job name',
    );
  });

  describe('sending email', () => {
    const send = JobName.SendEmail;
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

    it('takes one email or a batch of them', () => {
      expect(emailsOf(validateJobPayload(send, { emailMessageId: id(1) }))).toEqual([id(1)]);
      const batch = [1, 2, 3].map(id);
      expect(emailsOf(validateJobPayload(send, { emailMessageIds: batch }))).toEqual(batch);
    });

    it.each([
      [{}, 'emailMessageIds'],
      [{ emailMessageId: 'x' }, 'emailMessageId: emailMessageId must be a UUID'],
      [{ emailMessageIds: [id(1)] }, 'emailMessageIds must contain at least 2 elements'],
      [{ emailMessageIds: [id(1), 'x'] }, 'each value in emailMessageIds must be a UUID'],
      [{ emailMessageIds: Array.from({ length: 51 }, (_, n) => id(n)) }, 'must contain no more than 50 elements'],
    ])('refuses %j', (payload, message) => {
      expect(() => validateJobPayload(send, payload)).toThrow(message);
    });
  });
});
