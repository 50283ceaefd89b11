// Permission evaluation, modelled on the documented Authress semantics (see docs/emulator.md for
// which parts are inferred): records grant roles on resource patterns; parents cascade to children;
// `*` segments are wildcards; actions match case-insensitively with `:` scoping.
import type { AccessRecord, PermissionObject, Role } from './types.js';

export const OWNER_ROLE: Role = {
  roleId: 'Authress:Owner',
  name: 'Owner',
  description: 'Full control, including granting access to others',
  permissions: [{ action: '*', allow: true, grant: true, delegate: true }],
};

function segments(uri: string): string[] {
  return uri.replace(/^\/+|\/+$/g, '').split('/');
}

function segmentMatches(pattern: string, value: string): boolean {
  if (pattern === '*' || pattern === value) return true;
  const patternParts = pattern.split(':');
  const valueParts = value.split(':');
  if (patternParts.length !== valueParts.length) return false;
  return patternParts.every((part, i) => part === '*' || part === valueParts[i]);
}

/** True when the record's resource pattern covers the requested resource (itself or a descendant). */
export function resourceMatches(pattern: string, resourceUri: string): boolean {
  if (pattern.trim() === '*' || pattern.trim() === '/*') return true;
  const p = segments(pattern);
  const r = segments(resourceUri);
  if (p.length > r.length) return false;
  return p.every((seg, i) => segmentMatches(seg, r[i]));
}

/** True when a role permission's action covers the requested one (`content:*` and `content` cover `content:read`). */
export function actionMatches(granted: string, requested: string): boolean {
  const g = granted.toLowerCase().split(':');
  const r = requested.toLowerCase().split(':');
  if (g.length === 1 && g[0] === '*') return true;
  if (g.length > r.length) return false;
  return g.every((part, i) => part === '*' || part === r[i]);
}

export interface AuthorizationData {
  records: AccessRecord[];
  role: (roleId: string) => Role | undefined;
}

function recordIncludesUser(record: AccessRecord, statementUsers: Array<{ userId: string }> | undefined, userId: string): boolean {
  const users = statementUsers && statementUsers.length > 0 ? statementUsers : record.users ?? [];
  return users.some((user) => user.userId === userId);
}

export interface Grant { roleId: string; resourceUri: string; recordId: string }

/** Every (role, resource pattern) the user holds through active records that covers resourceUri. */
export function grantsFor(data: AuthorizationData, userId: string, resourceUri?: string): Grant[] {
  const grants: Grant[] = [];
  for (const record of data.records) {
    if (record.status !== 'ACTIVE') continue;
    for (const statement of record.statements ?? []) {
      if (!recordIncludesUser(record, statement.users, userId)) continue;
      for (const { resourceUri: pattern } of statement.resources ?? []) {
        if (resourceUri !== undefined && !resourceMatches(pattern, resourceUri)) continue;
        for (const roleId of statement.roles ?? []) grants.push({ roleId, resourceUri: pattern, recordId: record.recordId });
      }
    }
  }
  return grants;
}

export function permissionsOf(data: AuthorizationData, roleId: string): PermissionObject[] {
  if (roleId === OWNER_ROLE.roleId) return OWNER_ROLE.permissions;
  return data.role(roleId)?.permissions ?? [];
}

export type Mode = 'allow' | 'grant';

/** `allow` = may perform the action; `grant` = may give it to others (grant or delegate). */
export function isAuthorized(data: AuthorizationData, userId: string, resourceUri: string, action: string, mode: Mode = 'allow'): boolean {
  return grantsFor(data, userId, resourceUri).some((grant) => permissionsOf(data, grant.roleId).some((permission) =>
    actionMatches(permission.action, action) && (mode === 'allow' ? permission.allow : permission.grant || permission.delegate)));
}

/**
 * The caller may hand out these statements only if it holds GRANT on every permission of every role,
 * for every resource in them. Unknown roles are refused.
 */
export function canGrantStatements(
  data: AuthorizationData, callerId: string, statements: Array<{ roles: string[]; resources: Array<{ resourceUri: string }> }>,
): boolean {
  return statements.every((statement) => statement.roles.every((roleId) => {
    if (roleId !== OWNER_ROLE.roleId && !data.role(roleId)) return false;
    return statement.resources.every(({ resourceUri }) => permissionsOf(data, roleId).every((permission) =>
      isAuthorized(data, callerId, resourceUri, permission.action, 'grant')));
  }));
}

/**
 * Resources under a collection (e.g. `Accounts/*` or `Accounts`) on which the user holds `permission`
 * (any allowed action when absent), reported with the record's own path (`Accounts/abc`).
 */
export function resourcesInCollection(data: AuthorizationData, userId: string, collectionUri: string, permission?: string): string[] {
  const base = segments(collectionUri.replace(/\/\*$/, ''));
  const found = new Set<string>();
  for (const grant of grantsFor(data, userId)) {
    const pattern = segments(grant.resourceUri);
    if (pattern.length <= base.length) continue;
    if (!base.every((seg, i) => segmentMatches(pattern[i], seg))) continue;
    if (pattern.slice(base.length).includes('*')) continue;
    const uri = [...base, ...pattern.slice(base.length)].join('/');
    const allowed = permissionsOf(data, grant.roleId).some((p) => p.allow && (!permission || actionMatches(p.action, permission)));
    if (allowed || (permission && isAuthorized(data, userId, uri, permission))) found.add(uri);
  }
  return [...found];
}
