import { InvalidJobPayloadError, PurgeRelayedOutboxPayload, validateJobPayload } from './job-payloads';
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
});
