// In-memory storage for oidc-provider (its built-in one works too but warns on every start).
// The test IdP's state is meant to vanish on restart.

type Payload = Record<string, unknown> & { uid?: string; userCode?: string; grantId?: string; consumed?: number };

type Items = Map<string, { payload: Payload; expiresAt?: number }>;

/** One adapter class per provider instance, so two IdPs in one process never share state. */
export function createMemoryAdapter() {
  const stores = new Map<string, Items>();
  return class extends MemoryAdapter {
    constructor(name: string) {
      const items = stores.get(name) ?? new Map();
      stores.set(name, items);
      super(items);
    }
  };
}

export class MemoryAdapter {
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

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    this.items.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
  }

  async find(id: string): Promise<Payload | undefined> { return this.live(id); }

  async findByUid(uid: string): Promise<Payload | undefined> {
    for (const [id, item] of this.items) if (item.payload.uid === uid) return this.live(id);
    return undefined;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    for (const [id, item] of this.items) if (item.payload.userCode === userCode) return this.live(id);
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.live(id);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> { this.items.delete(id); }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, item] of this.items) if (item.payload.grantId === grantId) this.items.delete(id);
  }
}
