import { SsoConfigFormElement } from './sso-config-form.js';

SsoConfigFormElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'sso-config-form': SsoConfigFormElement;
  }
}
