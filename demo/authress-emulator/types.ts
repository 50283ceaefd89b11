// Shapes shared by the emulator modules. Field names follow the Authress API / @authress/sdk DTOs.

export interface PermissionObject { action: string; allow: boolean; grant: boolean; delegate: boolean }
export interface Role { roleId: string; name: string; description?: string; permissions: PermissionObject[] }
export interface UserRef { userId: string }
export interface Statement { roles: string[]; resources: Array<{ resourceUri: string }>; users?: UserRef[]; groups?: unknown[] }

export interface AccessRecord {
  recordId: string;
  name: string;
  description?: string;
  users?: UserRef[];
  admins?: UserRef[];
  groups?: unknown[];
  statements: Statement[];
  tags?: Record<string, string>;
  status: 'ACTIVE' | 'DELETED';
  lastUpdated: string;
  [extra: string]: unknown;
}

export interface Connection {
  connectionId: string;
  /** 'OAUTH2' or 'SAML2' in practice; stored as given, since the API accepts any string. */
  type: string;
  authenticationUrl?: string;
  tokenUrl?: string;
  issuerUrl?: string;
  clientId?: string;
  clientSecret?: string;
  providerCertificate?: string;
  data?: { tenantId?: string; name?: string; [k: string]: unknown };
  defaultConnectionProperties?: { scope?: string };
  createdTime: string;
  [extra: string]: unknown;
}

export interface Tenant {
  tenantId: string;
  tenantLookupIdentifier?: string;
  data?: { name?: string; [k: string]: unknown };
  connection?: { connectionId?: string };
  domains?: Array<{ domain: string }>;
  createdTime: string;
  [extra: string]: unknown;
}

export interface Invite {
  inviteId: string;
  statements: Statement[];
  tenantId?: string;
  expiryTime: string;
  createdTime: string;
  /** Set when the invite was accepted; used invites are gone from the API. */
  usedTime?: string;
  usedBy?: string;
  [extra: string]: unknown;
}

export interface UserProfile { userId: string; email?: string; name?: string; connectionId?: string; lastLogin?: string }

export interface TenantMember { tenantId: string; userId: string; joinedTime: string }

/** A pending POST /api/authentication, keyed by authenticationRequestId. */
export interface AuthenticationRequest {
  authenticationRequestId: string;
  applicationId: string;
  redirectUrl: string;
  codeChallenge: string;
  connectionId?: string;
  tenantId?: string;
  inviteId?: string;
  createdAt: number;
}

export interface AuthorizationCode {
  code: string;
  authenticationRequestId: string;
  user: UserProfile;
  createdAt: number;
  usedAt?: number;
}

/** The emulator's own login session (cookie), used by PATCH /api/session. */
export interface LoginSession { sessionId: string; user: UserProfile; createdAt: number }

/** State of a redirect to an upstream (corporate) IdP, keyed by the OAuth `state`. */
export interface UpstreamLogin {
  state: string;
  authenticationRequestId: string;
  connectionId: string;
  nonce: string;
  codeVerifier: string;
  /** SHA-256 (base64url) of the random value in the browser's binding cookie (login CSRF defence). */
  browserBindingHash?: string;
  createdAt: number;
}

export interface SimulatedProvider { connectionId: string; name: string }

export interface EmulatorSeed {
  applicationId: string;
  applicationName?: string;
  accountId?: string;
  allowedRedirectOrigins: string[];
  simulatedProviders?: SimulatedProvider[];
  roles?: Role[];
  serviceClients?: Array<{ clientId: string; name?: string }>;
  accessRecords?: Array<Partial<AccessRecord> & { recordId: string; statements: Statement[] }>;
  connections?: Array<Partial<Connection> & { connectionId: string }>;
  tenants?: Array<Partial<Tenant> & { tenantId: string }>;
}
