import { css } from 'lit';

export const inviteFormStyles = css`
  :host {
    display: block;
    max-width: var(--invite-form-width, 40rem);
  }
  [part~='base'],
  form,
  section {
    display: grid;
    gap: var(--invite-form-gap, var(--_space));
  }
  p {
    margin: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.05em;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 0.5em;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5em;
  }
  [part~='role-option'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.15em 0.6em;
    align-items: start;
    padding: 0.6em 0.8em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='role-option']:has(input:checked) {
    border-color: var(--invite-form-accent, var(--_accent));
    box-shadow: inset 0 0 0 1px var(--invite-form-accent, var(--_accent));
  }
  [part~='role-option'] input {
    margin: 0.25em 0 0;
  }
  .role-name {
    font-weight: 600;
  }
  [part~='role-description'] {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875em;
  }
  textarea.input {
    min-height: 6em;
    resize: vertical;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.4em;
  }
  [part~='invalid-list'] {
    padding-inline-start: 1.2em;
    list-style: disc;
  }
  [part~='result'],
  [part~='pending-item'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 1em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .email {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [data-status='sent'] .outcome,
  [data-status='already_pending'] .outcome {
    color: var(--_success);
  }
  [data-status='invalid'] .outcome,
  [data-status='failed'] .outcome {
    color: var(--_danger);
  }
  [part~='summary'] {
    font-weight: 600;
  }
  [part~='confirm'],
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .small {
    min-height: 2.25em;
    padding: 0.3em 0.8em;
    font-size: 0.875em;
  }
  .button {
    justify-self: start;
    background: var(--invite-form-button-background, var(--_accent));
    border-color: var(--invite-form-button-background, var(--_accent));
    color: var(--invite-form-button-color, var(--_on-accent));
  }
  .button.secondary {
    background: transparent;
    color: var(--invite-form-button-background, var(--_accent));
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  [part~='loading'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
`;
