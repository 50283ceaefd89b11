import { css } from 'lit';

export const ssoConfigFormStyles = css`
  :host {
    display: block;
    max-width: var(--sso-config-form-width, 40rem);
  }
  [part~='base'],
  form,
  .group {
    display: grid;
    gap: var(--sso-config-form-gap, var(--_space));
  }
  fieldset {
    margin: 0;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.5em;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  [part~='sp-values'] {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    background: var(--sso-config-form-sp-background, color-mix(in srgb, var(--_accent) 8%, var(--_surface)));
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
    font-size: 1.05em;
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  dt {
    font-weight: 600;
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    overflow-wrap: anywhere;
  }
  code {
    font-family: var(--sso-config-form-code-font, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.9em;
  }
  .small {
    min-height: 2.25em;
    padding: 0.3em 0.8em;
    font-size: 0.875em;
  }
  textarea.input {
    min-height: 8em;
    font-family: var(--sso-config-form-code-font, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.85em;
    resize: vertical;
  }
  [part~='certificate-summary'] {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='certificate-warning'] {
    color: var(--_warning);
    font-size: 0.875em;
  }
  [part~='secret-status'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  [part~='success'] {
    padding: 0.75em 1em;
    border: 1px solid var(--_success);
    border-radius: var(--_radius);
    color: var(--_success);
    margin: 0;
  }
  [part~='loading'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  p {
    margin: 0;
  }
  .button {
    justify-self: start;
    background: var(--sso-config-form-button-background, var(--_accent));
    border-color: var(--sso-config-form-button-background, var(--_accent));
    color: var(--sso-config-form-button-color, var(--_on-accent));
  }
  .button.secondary {
    background: transparent;
    color: var(--sso-config-form-button-background, var(--_accent));
  }
`;
