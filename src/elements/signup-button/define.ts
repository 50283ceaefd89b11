import { SignupButtonElement } from './signup-button.js';

SignupButtonElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'signup-button': SignupButtonElement;
  }
}
