// Loads seed.json and applies it to a fresh or existing store (insert-if-missing, so edits made
// through the API survive restarts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.js';
import type { AccessRecord, Connection, EmulatorSeed, Role, Tenant } from './types.js';

export const DEFAULT_SEED_PATH = fileURLToPath(new URL('./seed.json', import.meta.url));

export function readSeed(path = DEFAULT_SEED_PATH): EmulatorSeed {
  return JSON.parse(readFileSync(path, 'utf8')) as EmulatorSeed;
}

export function applySeed(store: Store, seed: EmulatorSeed, nowIso: string): void {
  store.transaction(() => {
    for (const role of seed.roles ?? []) store.insert<Role>('role', role.roleId, role);
    for (const record of seed.accessRecords ?? []) {
      store.insert<AccessRecord>('record', record.recordId, {
        name: record.recordId, ...record, status: 'ACTIVE', lastUpdated: nowIso,
      });
    }
    for (const connection of seed.connections ?? []) {
      store.insert<Connection>('connection', connection.connectionId, { type: 'OAUTH2', ...connection, createdTime: nowIso });
    }
    for (const tenant of seed.tenants ?? []) store.insert<Tenant>('tenant', tenant.tenantId, { ...tenant, createdTime: nowIso });
  });
}
