/**
 * Runs tasks one at a time per key: two messages from the same person (a double tap, a retried
 * webhook) must not read and write their conversation state concurrently. Different keys run in
 * parallel; a key is forgotten as soon as its queue is empty.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
