import type { components } from './schema.js';

/** Contract types, generated from docs/openapi.yaml (see `npm run gen:api`). */
type Schemas = components['schemas'];
export type NewAccount = Schemas['NewAccount'];
export type Account = Schemas['Account'];
export type AccountCreated = Schemas['AccountCreated'];
export type AccountWithRole = Schemas['AccountWithRole'];
export type AccountSummary = Schemas['AccountSummary'];
export type AccountList = Schemas['AccountList'];
export type SsoConfiguration = Schemas['SsoConfiguration'];
export type SsoConfigurationInput = Schemas['SsoConfigurationInput'];
export type OAuth2Input = Schemas['OAuth2Input'];
export type SamlInput = Schemas['SamlInput'];
export type CertificateInfo = Schemas['CertificateInfo'];
export type Role = Schemas['Role'];
export type RoleList = Schemas['RoleList'];
export type NewInvites = Schemas['NewInvites'];
export type InviteResult = Schemas['InviteResult'];
export type InviteResults = Schemas['InviteResults'];
export type PendingInvite = Schemas['PendingInvite'];
export type PendingInviteList = Schemas['PendingInviteList'];
export type InvitePreview = Schemas['InvitePreview'];
export type Problem = Schemas['Problem'];
export type FieldProblem = Schemas['FieldProblem'];
