import { InviteFormElement } from './invite-form.js';

InviteFormElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'invite-form': InviteFormElement;
  }
}
