// oidc-provider 9 ships no type declarations; the IdP module uses it through this loose shim.
declare module 'oidc-provider' {
  const Provider: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export default Provider;
}
