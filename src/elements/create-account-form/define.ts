import { CreateAccountFormElement } from './create-account-form.js';

CreateAccountFormElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'create-account-form': CreateAccountFormElement;
  }
}
