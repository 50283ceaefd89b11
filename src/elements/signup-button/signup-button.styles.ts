import { css } from 'lit';

export const signupButtonStyles = css`
  :host {
    display: inline-block;
  }
  [part~='base'] {
    display: grid;
    gap: 0.5em;
  }
  .button {
    width: var(--signup-button-width, auto);
    background: var(--signup-button-background, var(--_accent));
    color: var(--signup-button-color, var(--_on-accent));
    border-color: var(--signup-button-background, var(--_accent));
  }
  form {
    display: grid;
    gap: 0.75em;
    max-width: var(--signup-button-form-width, 24rem);
  }
`;
