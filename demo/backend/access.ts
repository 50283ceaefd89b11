// Authorization decisions come from Authress, never from our database: the database only tells us
// whether an account exists. Unknown and invisible accounts look the same (404); a member who lacks
// the specific permission gets 403.
import type { Authress, AuthressRole } from './authress.js';
import type { AccountRow, Db } from './db.js';
import { ProblemError } from './problems.js';

export const OWNER_ROLE = 'Authress:Owner';
/** Highest first; used to report "the caller's role" when they hold several. */
const ROLE_RANK = [OWNER_ROLE, 'Admin', 'Editor', 'Viewer'];

export const accountResource = (accountId: string) => `Accounts/${accountId}`;

export function highestRole(roleIds: string[]): string | undefined {
  const ranked = [...roleIds].sort((a, b) => rank(a) - rank(b));
  return ranked[0];
}
const rank = (roleId: string) => (ROLE_RANK.includes(roleId) ? ROLE_RANK.indexOf(roleId) : ROLE_RANK.length);

/** Authress action matching: case-insensitive, `:`-scoped, `*` and parent actions cover children. */
export function actionCovers(granted: string, requested: string): boolean {
  const g = granted.toLowerCase().split(':');
  const r = requested.toLowerCase().split(':');
  if (g.length === 1 && g[0] === '*') return true;
  if (g.length > r.length) return false;
  return g.every((part, i) => part === '*' || part === r[i]);
}

export function createAccess(authress: Authress, db: Db) {
  return {
    async requireAccount(userId: string, accountId: string, permission: string): Promise<AccountRow> {
      const account = db.getAccount(accountId);
      if (!account) throw new ProblemError('not-found');
      const resource = accountResource(accountId);
      if (await authress.authorize(userId, resource, permission)) return account;
      const roles = await authress.rolesOn(userId, resource);
      throw new ProblemError(roles.length > 0 ? 'forbidden' : 'not-found');
    },

    /**
     * Roles the caller may hand out in the account: every permission of the role must be covered by a
     * permission the caller holds there with `grant: true`. Authress built-ins are never offered.
     */
    async grantableRoles(userId: string, accountId: string): Promise<{ all: AuthressRole[]; grantable: AuthressRole[] }> {
      const [all, held] = await Promise.all([authress.listRoles(), authress.rolesOn(userId, accountResource(accountId))]);
      const offered = all.filter((role) => !role.roleId.startsWith('Authress:'));
      if (held.includes(OWNER_ROLE)) return { all, grantable: offered };
      const grants = all.filter((role) => held.includes(role.roleId)).flatMap((role) => role.permissions).filter((p) => p.grant === true);
      const grantable = offered.filter((role) => role.permissions.every((p) => grants.some((g) => actionCovers(g.action, p.action))));
      return { all, grantable };
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
