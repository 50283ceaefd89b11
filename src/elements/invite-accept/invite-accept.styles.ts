import { css } from 'lit';

export const inviteAcceptStyles = css`
  :host {
    display: block;
    max-width: var(--invite-accept-max-width, 32rem);
  }
  [part~='base'] {
    display: grid;
    gap: var(--invite-accept-gap, var(--_space));
    padding: var(--invite-accept-padding, 0);
    background: var(--invite-accept-background, transparent);
    border-radius: var(--_radius);
  }
  [part~='panel'],
  form {
    display: grid;
    gap: var(--invite-accept-gap, var(--_space));
  }
  h2 {
    margin: 0;
    font-size: var(--invite-accept-heading-size, 1.25em);
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  [part~='expiry'] {
    color: var(--_muted);
  }
  [part~='notice'] {
    padding: 0.75em 1em;
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    color: var(--_text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='accept'] {
    background: var(--invite-accept-button-background, var(--_accent));
    border-color: var(--invite-accept-button-background, var(--_accent));
    color: var(--invite-accept-button-color, var(--_on-accent));
  }
  [part~='loading'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
  }
`;
