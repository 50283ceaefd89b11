// Shared state and domain rules of the emulator: lookups, invite lifecycle, tenant membership.
import { randomBytes } from 'node:crypto';
import type { SigningKey } from './keys.js';
import type { Store } from './store.js';
import type { TokenContext } from './tokens.js';
import { OWNER_ROLE, type AuthorizationData } from './authorization.js';
import type {
  AccessRecord, Connection, EmulatorSeed, Invite, Role, SimulatedProvider, Tenant, TenantMember, UserProfile,
} from './types.js';

export const INVITE_DEFAULT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'authress_emulator_session';
export const OAUTH_CALLBACK_PATH = '/api/authentication/oauth/callback';

/** A URL-safe CSPRNG identifier; 16 bytes = 128 bits unless asked otherwise. */
export function randomId(prefix = '', bytes = 16): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export type InviteStatus = 'pending' | 'used' | 'expired' | 'missing';

export class EmulatorContext implements TokenContext {
  readonly requestCounts = new Map<string, number>();

  constructor(
    readonly store: Store,
    readonly seed: EmulatorSeed,
    readonly issuer: string,
    readonly signingKey: SigningKey,
    readonly now: () => number,
  ) {}

  get applicationId(): string { return this.seed.applicationId; }
  get accountId(): string { return this.seed.accountId ?? 'acc_local_emulator'; }
  get callbackUrl(): string { return `${this.issuer}${OAUTH_CALLBACK_PATH}`; }
  nowIso(): string { return new Date(this.now()).toISOString(); }

  simulatedProviders(): SimulatedProvider[] {
    return this.seed.simulatedProviders ?? [{ connectionId: 'google', name: 'Google' }, { connectionId: 'github', name: 'GitHub' }];
  }

  simulatedProvider(connectionId: string | undefined): SimulatedProvider | undefined {
    return this.simulatedProviders().find((provider) => provider.connectionId === connectionId);
  }

  isAllowedRedirect(url: string): boolean {
    let parsed: URL;
    try { parsed = new URL(url); } catch { return false; }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    return this.seed.allowedRedirectOrigins.some((pattern) => {
      const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\*$/, '(:\\d+)?').replace(/\*/g, '[^/]*')}$`, 'i');
      return regex.test(parsed.origin);
    });
  }

  /**
   * CORS: may a page on this `Origin` header read credentialed responses? Same allow-list as the
   * redirect URLs. Only a serialized origin qualifies (`null`, paths or userinfo do not).
   */
  isAllowedOrigin(origin: string | undefined): boolean {
    if (!origin) return false;
    let parsed: URL;
    try { parsed = new URL(origin); } catch { return false; }
    return parsed.origin === origin.toLowerCase() && this.isAllowedRedirect(origin);
  }

  role(roleId: string): Role | undefined {
    return roleId === OWNER_ROLE.roleId ? OWNER_ROLE : this.store.get<Role>('role', roleId);
  }

  authorizationData(): AuthorizationData {
    return { records: this.store.list<AccessRecord>('record'), role: (roleId) => this.role(roleId) };
  }

  connection(connectionId: string | undefined): Connection | undefined {
    return connectionId ? this.store.get<Connection>('connection', connectionId) : undefined;
  }

  tenant(tenantId: string | undefined): Tenant | undefined {
    return tenantId ? this.store.get<Tenant>('tenant', tenantId) : undefined;
  }

  /** Matches tenantLookupIdentifier or one of the tenant's domains, case-insensitively. */
  findTenantByLookup(identifier: string): Tenant | undefined {
    const wanted = identifier.trim().toLowerCase();
    return this.store.list<Tenant>('tenant').find((tenant) =>
      tenant.tenantLookupIdentifier?.toLowerCase() === wanted
      || (tenant.domains ?? []).some((entry) => entry.domain?.toLowerCase() === wanted));
  }

  findTenantByEmail(email: string): Tenant | undefined {
    const domain = emailDomain(email);
    return domain ? this.findTenantByLookup(domain) : undefined;
  }

  tenantName(tenant: Tenant): string {
    return tenant.data?.name ?? tenant.tenantId;
  }

  /** The tenant owning a connection: via the tenant's connection or the connection's data.tenantId. */
  tenantForConnection(connectionId: string): Tenant | undefined {
    return this.store.list<Tenant>('tenant').find((tenant) => tenant.connection?.connectionId === connectionId)
      ?? this.tenant(this.connection(connectionId)?.data?.tenantId);
  }

  inviteStatus(invite: Invite | undefined): InviteStatus {
    if (!invite) return 'missing';
    if (invite.usedTime) return 'used';
    if (Date.parse(invite.expiryTime) <= this.now()) return 'expired';
    return 'pending';
  }

  /** Turns the invite's statements into an access record for the user and marks the invite used. */
  acceptInvite(invite: Invite, user: UserProfile): void {
    this.store.transaction(() => {
      const record: AccessRecord = {
        recordId: `rec_invite_${invite.inviteId}`,
        name: `Invite ${invite.inviteId} accepted by ${user.userId}`,
        users: [{ userId: user.userId }],
        statements: invite.statements.map(({ roles, resources }) => ({ roles, resources })),
        status: 'ACTIVE',
        lastUpdated: this.nowIso(),
        tags: { source: 'invite' },
      };
      this.store.put('record', record.recordId, record);
      if (invite.tenantId) this.addTenantMember(invite.tenantId, user.userId);
      this.store.put('invite', invite.inviteId, { ...invite, usedTime: this.nowIso(), usedBy: user.userId });
    });
  }

  addTenantMember(tenantId: string, userId: string): void {
    const member: TenantMember = { tenantId, userId, joinedTime: this.nowIso() };
    this.store.insert('member', `${tenantId}|${userId}`, member);
  }

  rememberUser(user: UserProfile): void {
    const existing = this.store.get<UserProfile>('user', user.userId);
    this.store.put('user', user.userId, { ...existing, ...dropUndefined(user), lastLogin: this.nowIso() });
  }
}

export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).trim().toLowerCase() : undefined;
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
