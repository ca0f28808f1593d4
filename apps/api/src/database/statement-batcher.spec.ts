import { StatementBatcher } from './statement-batcher';

/** A statement the test finishes by hand, recording the batches it was given. */
function controlledStatement() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const fail: ((error: Error) => void)[] = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      finish.push(() => resolve(items.map((item) => `done ${item}`)));
      fail.push(reject);
    });
  return { batches, finish, fail, run };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('StatementBatcher', () => {
  it('sends the calls of one turn together, and those made while it runs in the next batch', async () => {
    const statement = controlledStatement();
    const batcher = new StatementBatcher(statement.run);

    const first = [1, 2, 3].map((item) => batcher.submit(item));
    await turn();
    expect(statement.batches).toEqual([[1, 2, 3]]);

    const second = [4, 5].map((item) => batcher.submit(item));
    await turn();
    expect(statement.batches).toHaveLength(1);

    statement.finish[0]();
    await expect(Promise.all(first)).resolves.toEqual(['done 1', 'done 2', 'done 3']);
    await turn();
    expect(statement.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    statement.finish[1]();
    await expect(Promise.all(second)).resolves.toEqual(['done 4', 'done 5']);
  });

  it('fails only the calls of the failed batch, and carries on with the next', async () => {
    const statement = controlledStatement();
    const batcher = new StatementBatcher(statement.run);

    const failed = batcher.submit(1);
    await turn();
    const later = batcher.submit(2);
    statement.fail[0](new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await turn();
    statement.finish[1]();
    await expect(later).resolves.toBe('done 2');
  });

  it('splits a long queue into batches of at most the given size', async () => {
    const statement = controlledStatement();
    const batcher = new StatementBatcher(statement.run, 2);
    const all = [1, 2, 3, 4, 5].map((item) => batcher.submit(item));
    for (let batch = 0; batch < 3; batch++) {
      await turn();
      statement.finish[batch]();
    }
    await expect(Promise.all(all)).resolves.toHaveLength(5);
    expect(statement.batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
