import { InviteAcceptElement } from './invite-accept.js';

InviteAcceptElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'invite-accept': InviteAcceptElement;
  }
}
