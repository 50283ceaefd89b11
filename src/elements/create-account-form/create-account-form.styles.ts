import { css } from 'lit';

export const createAccountFormStyles = css`
  :host {
    display: block;
    max-width: var(--create-account-form-max-width, 32rem);
  }
  [part~='base'] {
    display: grid;
    gap: var(--create-account-form-gap, var(--_space));
    padding: var(--create-account-form-padding, 0);
    background: var(--create-account-form-background, transparent);
    border-radius: var(--_radius);
  }
  form,
  [part~='existing'],
  [part~='success'],
  [part~='notice'] {
    display: grid;
    gap: var(--create-account-form-gap, var(--_space));
  }
  h2 {
    margin: 0;
    font-size: var(--create-account-form-heading-size, 1.25em);
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  .checkbox {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .checkbox input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.1em 0 0;
    accent-color: var(--_accent);
  }
  textarea.input {
    min-height: 6em;
    resize: vertical;
  }
  [part~='submit'] {
    justify-self: start;
    background: var(--create-account-form-submit-background, var(--_accent));
    border-color: var(--create-account-form-submit-background, var(--_accent));
    color: var(--create-account-form-submit-color, var(--_on-accent));
  }
  ul {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='existing-account'] {
    display: grid;
    gap: 0.5em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='existing-account'] .button {
    justify-self: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='loading'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
  }
`;
