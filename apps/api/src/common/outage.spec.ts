import { QueryFailedError } from 'typeorm';
import { isDependencyOutage } from './outage';

const pgError = (message: string, fields: { code: string; severity: string }) =>
  Object.assign(new Error(message), fields);

describe('isDependencyOutage', () => {
  it.each([
    [
      'a terminated session',
      new QueryFailedError(
        'SELECT 1',
        [],
        pgError('terminating connection due to administrator command', { code: '57P01', severity: 'FATAL' }),
      ),
    ],
    [
      'a database closed to connections',
      pgError('database "irm" is not currently accepting connections', { code: '55000', severity: 'FATAL' }),
    ],
    ['too many connections', pgError('sorry, too many clients already', { code: '53300', severity: 'FATAL' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    [
      'a query runner released by a lost connection',
      Object.assign(new Error('Query runner already released.'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
    [
      'Redis gone',
      Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['Redis closed', new Error('Connection is closed.')],
    [
      'a cause further down',
      new Error('while saving', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDependencyOutage(error)).toBe(true);
  });

  it.each([
    [
      'a constraint violation',
      new QueryFailedError('INSERT', [], pgError('duplicate key value', { code: '23505', severity: 'ERROR' })),
    ],
    [
      'a statement timeout',
      pgError('canceling statement due to statement timeout', { code: '57014', severity: 'ERROR' }),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'boom'],
  ])('is false for %s', (_, error) => {
    expect(isDependencyOutage(error)).toBe(false);
  });
});
