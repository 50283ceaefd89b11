// In-memory storage for oidc-provider (its built-in one works too but warns on every start).
// The test IdP's state is meant to vanish on restart.

import type { Adapter, AdapterPayload as Payload } from 'oidc-provider';

type Item = { payload: Payload; expiresAt?: number };
type Items = Map<string, Item>;

/** One adapter class per provider instance, so two IdPs in one process never share state. */
export function createMemoryAdapter() {
  const stores = new Map<string, Items>();
  return class extends MemoryAdapter {
    constructor(name: string) {
      const items = stores.get(name) ?? new Map<string, Item>();
      stores.set(name, items);
      super(items);
    }
  };
}

// oidc-provider awaits every adapter call; this store answers synchronously, so each method returns a settled Promise.
export class MemoryAdapter implements Adapter {
  constructor(private readonly items: Items) {}

  private live(id: string): Payload | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    if (item.expiresAt !== undefined && item.expiresAt <= Date.now()) {
      this.items.delete(id);
      return undefined;
    }
    return item.payload;
  }

  upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    this.items.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    return Promise.resolve();
  }

  find(id: string): Promise<Payload | undefined> { return Promise.resolve(this.live(id)); }

  findByUid(uid: string): Promise<Payload | undefined> {
    for (const [id, item] of this.items) if (item.payload.uid === uid) return Promise.resolve(this.live(id));
    return Promise.resolve(undefined);
  }

  findByUserCode(userCode: string): Promise<Payload | undefined> {
    for (const [id, item] of this.items) if (item.payload.userCode === userCode) return Promise.resolve(this.live(id));
    return Promise.resolve(undefined);
  }

  consume(id: string): Promise<void> {
    const payload = this.live(id);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    this.items.delete(id);
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, item] of this.items) if (item.payload.grantId === grantId) this.items.delete(id);
    return Promise.resolve();
  }
}
