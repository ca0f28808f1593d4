interface Waiter<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Group commit for one kind of statement. A call made while nothing runs goes out at once (after the code
 * that made it yields, so calls made together go together); calls made while a batch runs wait for it and
 * go together in the next. So an idle system pays no extra wait, and a busy one pays one round trip per
 * batch instead of one per call. `run` gets the items in order and returns one result each.
 */
export class StatementBatcher<I, O> {
  private waiting: Waiter<I, O>[] = [];
  private busy = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((waiter) => waiter.item));
        batch.forEach((waiter, index) => waiter.resolve(results[index]));
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.busy = false;
  }
}
