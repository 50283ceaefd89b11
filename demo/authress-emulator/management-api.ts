// Management API (/v1/...) subset used by the reference backend through the unmodified @authress/sdk.
import type { ServerResponse } from 'node:http';
import { canGrantStatements, grantsFor, isAuthorized, permissionsOf, resourcesInCollection } from './authorization.js';
import { INVITE_DEFAULT_LIFETIME_MS, randomId, type EmulatorContext } from './context.js';
import { HttpError, type Request, type Router, sendEmpty, sendError, sendJson, str } from './http-kit.js';
import { authenticateCaller, type Caller } from './tokens.js';
import type { AccessRecord, Connection, Invite, Role, Statement, Tenant, UserProfile } from './types.js';

type AuthedHandler = (req: Request, res: ServerResponse, caller: Caller) => Promise<void> | void;

const ID_PATTERN = /^[a-zA-Z0-9-_.:|~@]+$/;

function forbidden(title = 'The caller does not have permission for this operation.'): HttpError {
  return new HttpError(403, 'Forbidden', title);
}

function notFound(what: string): HttpError {
  return new HttpError(404, 'NotFound', `${what} was not found.`);
}

function badRequest(title: string): HttpError {
  return new HttpError(400, 'InvalidRequest', title);
}

function validId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 128 || !ID_PATTERN.test(value)) throw badRequest(`${field} has an invalid format.`);
  return value;
}

function parseStatements(value: unknown): Statement[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest('statements must be a non-empty array.');
  return value.map((raw) => {
    const statement = raw as Partial<Statement>;
    const roles = statement.roles;
    const resources = statement.resources;
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => typeof role === 'string')) {
      throw badRequest('Every statement needs at least one role.');
    }
    if (!Array.isArray(resources) || resources.length === 0 || !resources.every((r) => typeof r?.resourceUri === 'string' && r.resourceUri.length > 0)) {
      throw badRequest('Every statement needs at least one resource with a resourceUri.');
    }
    const parsed: Statement = { roles, resources: resources.map((r) => ({ resourceUri: r.resourceUri })) };
    if (Array.isArray(statement.users)) parsed.users = statement.users;
    if (Array.isArray(statement.groups)) parsed.groups = statement.groups;
    return parsed;
  });
}

/** RFC 7231 HTTP-dates carry whole seconds; ISO strings may carry milliseconds. Compare at the header's precision. */
function modifiedSince(lastUpdated: string, header: string): boolean {
  const expected = Date.parse(header);
  if (Number.isNaN(expected)) throw badRequest('If-Unmodified-Since is not a valid date.');
  const actual = Date.parse(lastUpdated);
  return /\d\.\d+/.test(header) ? actual > expected : Math.floor(actual / 1000) > Math.floor(expected / 1000);
}

export function registerManagementRoutes(router: Router, ctx: EmulatorContext): void {
  const authed = (handler: AuthedHandler) => async (req: Request, res: ServerResponse) => {
    const caller = await authenticateCaller(ctx, req.headers.authorization);
    if (!caller) return sendError(res, 401, 'Unauthorized', 'The bearer token is missing, invalid or expired.');
    await handler(req, res, caller);
  };
  const can = (caller: Caller, resourceUri: string, action: string) => isAuthorized(ctx.authorizationData(), caller.userId, resourceUri, action);
  const requireCan = (caller: Caller, resourceUri: string, action: string) => {
    if (!can(caller, resourceUri, action)) throw forbidden(`The caller needs ${action} on ${resourceUri}.`);
  };
  const requireUserCheck = (caller: Caller, userId: string) => {
    if (caller.userId !== userId && !can(caller, `Authress:UserPermissions/${userId}`, 'read')) {
      throw forbidden(`The caller may not read the permissions of ${userId}.`);
    }
  };
  const self = (path: string) => ({ self: { href: `${ctx.issuer}${path}` } });

  // ---- user permissions --------------------------------------------------------------------
  router.on('GET', '/v1/users/:userId/resources/:resourceUri/permissions/:permission', authed((req, res, caller) => {
    const { userId, resourceUri, permission } = req.params;
    requireUserCheck(caller, userId);
    if (isAuthorized(ctx.authorizationData(), userId, resourceUri, permission)) return sendEmpty(res, 200);
    sendError(res, 404, 'UserPermissionNotFound', `User ${userId} does not have ${permission} on ${resourceUri}.`);
  }));

  router.on('GET', '/v1/users/:userId/resources/:resourceUri/permissions', authed((req, res, caller) => {
    const { userId, resourceUri } = req.params;
    requireUserCheck(caller, userId);
    const data = ctx.authorizationData();
    const permissions = grantsFor(data, userId, resourceUri).flatMap((grant) => permissionsOf(data, grant.roleId));
    sendJson(res, 200, { userId, permissions, links: self(req.url.pathname) });
  }));

  router.on('GET', '/v1/users/:userId/resources/:resourceUri/roles', authed((req, res, caller) => {
    const { userId, resourceUri } = req.params;
    requireUserCheck(caller, userId);
    const roleIds = [...new Set(grantsFor(ctx.authorizationData(), userId, resourceUri).map((grant) => grant.roleId))];
    sendJson(res, 200, { userId, roles: roleIds.map((roleId) => ({ roleId })), links: self(req.url.pathname) });
  }));

  // userPermissions.getUserResources sends ?resourceUri=&permissions= (plural); `permission` is accepted too.
  router.on('GET', '/v1/users/:userId/resources', authed((req, res, caller) => {
    const userId = req.params['userId'];
    requireUserCheck(caller, userId);
    const resourceUri = req.url.searchParams.get('resourceUri');
    if (!resourceUri) throw badRequest('resourceUri is required.');
    const permission = req.url.searchParams.get('permissions') ?? req.url.searchParams.get('permission') ?? undefined;
    const uris = resourcesInCollection(ctx.authorizationData(), userId, resourceUri, permission);
    sendJson(res, 200, { userId, resources: uris.map((uri) => ({ resourceUri: uri })), accessToAllSubResources: false, links: self(req.url.pathname) });
  }));

  router.on('GET', '/v1/users/:userId', authed((req, res, caller) => {
    const userId = req.params['userId'];
    if (caller.userId !== userId) requireCan(caller, `Authress:Users/${userId}`, 'read');
    const user = ctx.store.get<UserProfile>('user', userId);
    if (!user) throw notFound(`User ${userId}`);
    sendJson(res, 200, { userId: user.userId, name: user.name, email: user.email });
  }));

  // ---- access records ----------------------------------------------------------------------
  const recordResponse = (record: AccessRecord) => ({ ...record, account: { accountId: ctx.accountId }, links: self(`/v1/records/${encodeURIComponent(record.recordId)}`) });
  const lastModified = (record: AccessRecord) => ({ 'Last-Modified': new Date(record.lastUpdated).toUTCString() });
  // Strictly increasing timestamps so optimistic concurrency works even within one millisecond.
  const nextUpdateTime = (previous?: string) => new Date(Math.max(ctx.now(), previous ? Date.parse(previous) + 1 : 0)).toISOString();

  const recordFromBody = (body: Record<string, unknown>, recordId: string, previous?: AccessRecord): AccessRecord => {
    const statements = parseStatements(body['statements']);
    const record: AccessRecord = {
      recordId,
      name: typeof body['name'] === 'string' && body['name'] ? body['name'] : recordId,
      statements,
      status: 'ACTIVE',
      lastUpdated: nextUpdateTime(previous?.lastUpdated),
    };
    if (typeof body['description'] === 'string') record.description = body['description'];
    for (const key of ['users', 'admins', 'groups'] as const) if (Array.isArray(body[key])) record[key] = body[key] as never;
    if (body['tags'] && typeof body['tags'] === 'object') record.tags = body['tags'] as Record<string, string>;
    return record;
  };

  router.on('POST', '/v1/records', authed(async (req, res, caller) => {
    const body = await req.body();
    const recordId = validId(body['recordId'], 'recordId') ?? randomId('rec_');
    const record = recordFromBody(body, recordId);
    if (!canGrantStatements(ctx.authorizationData(), caller.userId, record.statements)) {
      throw forbidden('User does not have sufficient access to grant permissions to resources.');
    }
    if (!ctx.store.insert('record', recordId, record)) {
      return sendError(res, 409, 'RecordAlreadyExists', `An access record with id ${recordId} already exists.`);
    }
    sendJson(res, 201, recordResponse(record), lastModified(record));
  }));

  router.on('GET', '/v1/records', authed((req, res, caller) => {
    requireCan(caller, 'Authress:AccessRecords', 'read');
    const status = req.url.searchParams.get('status') ?? 'ACTIVE';
    const filter = req.url.searchParams.get('filter')?.toLowerCase();
    const records = ctx.store.list<AccessRecord>('record')
      .filter((record) => record.status === status)
      .filter((record) => !filter || JSON.stringify(record).toLowerCase().includes(filter));
    sendJson(res, 200, { records: records.map(recordResponse), pagination: {}, links: self('/v1/records') });
  }));

  const loadRecord = (recordId: string, caller: Caller, action: 'read' | 'update'): AccessRecord => {
    const record = ctx.store.get<AccessRecord>('record', recordId);
    const isAdmin = record?.admins?.some((admin) => admin.userId === caller.userId) ?? false;
    if (!isAdmin) requireCan(caller, `Authress:AccessRecords/${recordId}`, action);
    if (!record || record.status === 'DELETED') throw notFound(`Access record ${recordId}`);
    return record;
  };

  router.on('GET', '/v1/records/:recordId', authed((req, res, caller) => {
    const record = loadRecord(req.params['recordId'], caller, 'read');
    sendJson(res, 200, recordResponse(record), lastModified(record));
  }));

  router.on('PUT', '/v1/records/:recordId', authed(async (req, res, caller) => {
    const recordId = req.params['recordId'];
    const body = await req.body();
    const existing = loadRecord(recordId, caller, 'update');
    const header = req.headers['if-unmodified-since'];
    if (typeof header === 'string' && header && modifiedSince(existing.lastUpdated, header)) {
      res.setHeader('Last-Modified', new Date(existing.lastUpdated).toUTCString());
      return sendError(res, 412, 'PreconditionFailed', 'The access record was changed after If-Unmodified-Since.');
    }
    const record = recordFromBody(body, recordId, existing);
    if (!canGrantStatements(ctx.authorizationData(), caller.userId, record.statements)) {
      throw forbidden('User does not have sufficient access to grant permissions to resources.');
    }
    ctx.store.put('record', recordId, record);
    sendJson(res, 202, recordResponse(record), lastModified(record));
  }));

  router.on('DELETE', '/v1/records/:recordId', authed((req, res, caller) => {
    const record = loadRecord(req.params['recordId'], caller, 'update');
    ctx.store.put('record', record.recordId, { ...record, status: 'DELETED', lastUpdated: nextUpdateTime(record.lastUpdated) });
    sendEmpty(res, 204);
  }));

  // ---- connections -------------------------------------------------------------------------
  // The client secret is write-only: never echoed back (an omitted secret on PUT keeps the stored one).
  const connectionResponse = ({ clientSecret: _secret, ...connection }: Connection) => ({
    ...connection, links: self(`/v1/connections/${encodeURIComponent(connection.connectionId)}`),
  });

  const connectionFromBody = (body: Record<string, unknown>, connectionId: string, previous?: Connection): Connection => {
    const type = (str(body['type']) ?? 'OAUTH2').toUpperCase();
    if (type !== 'OAUTH2' && type !== 'SAML2') throw badRequest('type must be OAUTH2 or SAML2.');
    const authenticationUrl = str(body['authenticationUrl']);
    if (!authenticationUrl || !URL.canParse(authenticationUrl)) throw badRequest('authenticationUrl must be an absolute URL.');
    for (const field of ['tokenUrl', 'issuerUrl'] as const) {
      const value = str(body[field]);
      if (value && !URL.canParse(value)) throw badRequest(`${field} must be an absolute URL.`);
    }
    const { links: _links, createdTime: _created, ...rest } = body;
    const connection = { ...rest, connectionId, type, authenticationUrl, createdTime: previous?.createdTime ?? ctx.nowIso() } as Connection;
    if (connection.clientSecret === undefined && previous?.clientSecret) connection.clientSecret = previous.clientSecret;
    return connection;
  };

  router.on('POST', '/v1/connections', authed(async (req, res, caller) => {
    requireCan(caller, 'Authress:Connections', 'create');
    const body = await req.body();
    const connectionId = validId(body['connectionId'], 'connectionId') ?? randomId('con_');
    if (ctx.simulatedProvider(connectionId)) return sendError(res, 409, 'ConnectionAlreadyExists', `${connectionId} is a built-in provider.`);
    const connection = connectionFromBody(body, connectionId);
    if (!ctx.store.insert('connection', connectionId, connection)) {
      return sendError(res, 409, 'ConnectionAlreadyExists', `A connection with id ${connectionId} already exists.`);
    }
    sendJson(res, 201, connectionResponse(connection));
  }));

  router.on('GET', '/v1/connections', authed((_req, res, caller) => {
    requireCan(caller, 'Authress:Connections', 'read');
    sendJson(res, 200, { connections: ctx.store.list<Connection>('connection').map(connectionResponse), pagination: {}, links: self('/v1/connections') });
  }));

  const loadConnection = (connectionId: string, caller: Caller, action: 'read' | 'update'): Connection => {
    requireCan(caller, `Authress:Connections/${connectionId}`, action);
    const connection = ctx.connection(connectionId);
    if (!connection) throw notFound(`Connection ${connectionId}`);
    return connection;
  };

  router.on('GET', '/v1/connections/:connectionId', authed((req, res, caller) => {
    sendJson(res, 200, connectionResponse(loadConnection(req.params['connectionId'], caller, 'read')));
  }));

  router.on('PUT', '/v1/connections/:connectionId', authed(async (req, res, caller) => {
    const existing = loadConnection(req.params['connectionId'], caller, 'update');
    const connection = connectionFromBody(await req.body(), existing.connectionId, existing);
    ctx.store.put('connection', connection.connectionId, connection);
    sendJson(res, 200, connectionResponse(connection));
  }));

  router.on('DELETE', '/v1/connections/:connectionId', authed((req, res, caller) => {
    const existing = loadConnection(req.params['connectionId'], caller, 'update');
    ctx.store.delete('connection', existing.connectionId);
    sendEmpty(res, 204);
  }));

  // ---- tenants -----------------------------------------------------------------------------
  const tenantResponse = (tenant: Tenant) => ({ ...tenant, links: self(`/v1/tenants/${encodeURIComponent(tenant.tenantId)}`) });

  const tenantFromBody = (body: Record<string, unknown>, tenantId: string, previous?: Tenant): Tenant => {
    const { links: _links, createdTime: _created, ...rest } = body;
    const tenant = { ...rest, tenantId, createdTime: previous?.createdTime ?? ctx.nowIso() } as Tenant;
    tenant.tenantLookupIdentifier = validId(body['tenantLookupIdentifier'], 'tenantLookupIdentifier');
    if (tenant.tenantLookupIdentifier === undefined) delete tenant.tenantLookupIdentifier;
    if (body['domains'] !== undefined) {
      const domains: unknown = body['domains'];
      const isDomain = (d: unknown): d is { domain: string } =>
        typeof d === 'object' && d !== null && typeof (d as { domain?: unknown }).domain === 'string' && (d as { domain: string }).domain.includes('.');
      if (!Array.isArray(domains) || !domains.every(isDomain)) {
        throw badRequest('domains must be a list of { domain }.');
      }
      tenant.domains = domains.map((d) => ({ domain: d.domain.trim().toLowerCase() }));
    }
    const connectionId = tenant.connection?.connectionId;
    if (connectionId && !ctx.connection(connectionId)) throw badRequest(`Connection ${connectionId} does not exist.`);
    // A lookup identifier or domain routes logins, so it must point to exactly one tenant.
    const keys = [tenant.tenantLookupIdentifier, ...(tenant.domains ?? []).map((d) => d.domain)].filter(Boolean).map((k) => k!.toLowerCase());
    for (const key of keys) {
      const owner = ctx.findTenantByLookup(key);
      if (owner && owner.tenantId !== tenantId) throw new HttpError(409, 'TenantConflict', `${key} already routes to another tenant.`);
    }
    return tenant;
  };

  router.on('POST', '/v1/tenants', authed(async (req, res, caller) => {
    requireCan(caller, 'Authress:Tenants', 'create');
    const body = await req.body();
    const tenantId = validId(body['tenantId'], 'tenantId') ?? randomId('ten_');
    const tenant = tenantFromBody(body, tenantId);
    if (!ctx.store.insert('tenant', tenantId, tenant)) {
      return sendError(res, 409, 'TenantAlreadyExists', `A tenant with id ${tenantId} already exists.`);
    }
    sendJson(res, 201, tenantResponse(tenant));
  }));

  router.on('GET', '/v1/tenants', authed((_req, res, caller) => {
    requireCan(caller, 'Authress:Tenants', 'read');
    sendJson(res, 200, { tenants: ctx.store.list<Tenant>('tenant').map(tenantResponse), pagination: {}, links: self('/v1/tenants') });
  }));

  const loadTenant = (tenantId: string, caller: Caller, action: 'read' | 'update'): Tenant => {
    requireCan(caller, `Authress:Tenants/${tenantId}`, action);
    const tenant = ctx.tenant(tenantId);
    if (!tenant) throw notFound(`Tenant ${tenantId}`);
    return tenant;
  };

  router.on('GET', '/v1/tenants/:tenantId', authed((req, res, caller) => {
    sendJson(res, 200, tenantResponse(loadTenant(req.params['tenantId'], caller, 'read')));
  }));

  router.on('PUT', '/v1/tenants/:tenantId', authed(async (req, res, caller) => {
    const existing = loadTenant(req.params['tenantId'], caller, 'update');
    const tenant = tenantFromBody(await req.body(), existing.tenantId, existing);
    ctx.store.put('tenant', tenant.tenantId, tenant);
    sendJson(res, 200, tenantResponse(tenant));
  }));

  router.on('DELETE', '/v1/tenants/:tenantId', authed((req, res, caller) => {
    const tenant = loadTenant(req.params['tenantId'], caller, 'update');
    ctx.store.transaction(() => {
      ctx.store.delete('tenant', tenant.tenantId);
      // Deleting a tenant also deletes its connection (Authress API spec).
      if (tenant.connection?.connectionId) ctx.store.delete('connection', tenant.connection.connectionId);
    });
    sendEmpty(res, 204);
  }));

  // ---- invites -----------------------------------------------------------------------------
  const inviteResponse = ({ usedTime: _u, usedBy: _b, ...invite }: Invite) => ({ ...invite, links: self(`/v1/invites/${encodeURIComponent(invite.inviteId)}`) });

  router.on('POST', '/v1/invites', authed(async (req, res, caller) => {
    const body = await req.body();
    const statements = parseStatements(body['statements']);
    if (!canGrantStatements(ctx.authorizationData(), caller.userId, statements)) {
      throw forbidden('User does not have sufficient access to grant permissions to resources.');
    }
    const createdTime = ctx.nowIso();
    let expiryTime = new Date(ctx.now() + INVITE_DEFAULT_LIFETIME_MS).toISOString();
    if (body['expiryTime'] !== undefined) {
      const requested = body['expiryTime'];
      const parsed = typeof requested === 'string' || typeof requested === 'number' ? Date.parse(String(requested)) : NaN;
      if (Number.isNaN(parsed) || parsed <= ctx.now()) throw badRequest('expiryTime must be a future ISO 8601 date.');
      expiryTime = new Date(parsed).toISOString();
    }
    const invite: Invite = { inviteId: randomId('inv_'), statements, expiryTime, createdTime };
    const tenantId = validId(body['tenantId'] ?? body['defaultLoginTenantId'], 'tenantId');
    if (tenantId) invite.tenantId = tenantId;
    ctx.store.put('invite', invite.inviteId, invite);
    sendJson(res, 201, inviteResponse(invite));
  }));

  router.on('GET', '/v1/invites/:inviteId', authed((req, res, caller) => {
    const inviteId = req.params['inviteId'];
    requireCan(caller, `Authress:Invites/${inviteId}`, 'read');
    const invite = ctx.store.get<Invite>('invite', inviteId);
    if (ctx.inviteStatus(invite) !== 'pending') throw notFound(`Invite ${inviteId}`);
    sendJson(res, 200, inviteResponse(invite!));
  }));

  router.on('DELETE', '/v1/invites/:inviteId', authed((req, res, caller) => {
    const inviteId = req.params['inviteId'];
    const invite = ctx.store.get<Invite>('invite', inviteId);
    const allowed = can(caller, `Authress:Invites/${inviteId}`, 'update')
      || (invite !== undefined && canGrantStatements(ctx.authorizationData(), caller.userId, invite.statements));
    if (!allowed) throw forbidden();
    // Like GET: a used or expired invite is gone. Deleting it must not look like a revocation.
    if (!invite || ctx.inviteStatus(invite) !== 'pending') throw notFound(`Invite ${inviteId}`);
    ctx.store.delete('invite', inviteId);
    sendEmpty(res, 204);
  }));

  // respondToInvite: the invited user accepts with their own token.
  router.on('PATCH', '/v1/invites/:inviteId', authed((req, res, caller) => {
    if (caller.kind !== 'user') throw forbidden('Invites are accepted with the invited user\'s token, not a service client.');
    const inviteId = req.params['inviteId'];
    const invite = ctx.store.get<Invite>('invite', inviteId);
    if (ctx.inviteStatus(invite) !== 'pending') throw notFound(`Invite ${inviteId}`);
    const user = ctx.store.get<UserProfile>('user', caller.userId) ?? { userId: caller.userId };
    ctx.acceptInvite(invite!, user);
    sendJson(res, 200, { account: { accountId: ctx.accountId }, inviteId, userId: caller.userId, tenantId: invite!.tenantId });
  }));

  // ---- roles -------------------------------------------------------------------------------
  router.on('GET', '/v1/roles', authed((_req, res, caller) => {
    requireCan(caller, 'Authress:Roles', 'read');
    sendJson(res, 200, { roles: ctx.store.list<Role>('role'), pagination: {}, links: self('/v1/roles') });
  }));

  router.on('GET', '/v1/roles/:roleId', authed((req, res, caller) => {
    const roleId = req.params['roleId'];
    requireCan(caller, `Authress:Roles/${roleId}`, 'read');
    const role = ctx.role(roleId);
    if (!role) throw notFound(`Role ${roleId}`);
    sendJson(res, 200, { ...role, links: self(`/v1/roles/${encodeURIComponent(roleId)}`) });
  }));
}
