// A per-key lock in memory (one process, like the rate limiter and the invite slots): holders of one
// key run one after another in arrival order; different keys run concurrently. Several processes
// would need a lock in a shared store instead.
export function createKeyedLock() {
  const tails = new Map<string, Promise<void>>();
  /** Resolves once every earlier holder of `key` has released; call the returned function to release. */
  return async function acquire(key: string): Promise<() => void> {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    tails.set(key, tail);
    await previous;
    return () => {
      // The last in line cleans up, so the map holds only keys someone is holding or waiting for.
      if (tails.get(key) === tail) tails.delete(key);
      release();
    };
  };
}
