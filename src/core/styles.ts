import { css } from 'lit';

/**
 * Design tokens. Public tokens (`--onb-*`) are documented in docs/theming.md; every one has a
 * fallback so the elements look right with no CSS at all. Elements read only the private `--_*`
 * copies, which switch between light and dark defaults: by `prefers-color-scheme`, or forced with
 * the `theme="light|dark"` attribute. An embedder's token wins in both modes.
 */
export const tokens = css`
  :host {
    --_font: var(--onb-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--onb-font-size, 1rem);
    --_radius: var(--onb-radius, 0.5rem);
    --_space: var(--onb-space, 1rem);
    --_accent: var(--onb-color-accent, #3949c7);
    --_on-accent: var(--onb-color-on-accent, #ffffff);
    --_surface: var(--onb-color-surface, #ffffff);
    --_text: var(--onb-color-text, #1c1e24);
    --_muted: var(--onb-color-muted, #545a66);
    --_border: var(--onb-color-border, #8a90a0);
    --_danger: var(--onb-color-danger, #b3261e);
    --_success: var(--onb-color-success, #1e6b34);
    --_warning: var(--onb-color-warning, #7a4f00);
    --_focus: var(--onb-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_accent) 45%, transparent));
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--onb-color-accent, #9fa8ff);
      --_on-accent: var(--onb-color-on-accent, #10132b);
      --_surface: var(--onb-color-surface, #1b1d23);
      --_text: var(--onb-color-text, #eceef4);
      --_muted: var(--onb-color-muted, #b4b9c6);
      --_border: var(--onb-color-border, #7d8394);
      --_danger: var(--onb-color-danger, #ffb4ab);
      --_success: var(--onb-color-success, #8fd6a0);
      --_warning: var(--onb-color-warning, #ffcf70);
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    --_accent: var(--onb-color-accent, #9fa8ff);
    --_on-accent: var(--onb-color-on-accent, #10132b);
    --_surface: var(--onb-color-surface, #1b1d23);
    --_text: var(--onb-color-text, #eceef4);
    --_muted: var(--onb-color-muted, #b4b9c6);
    --_border: var(--onb-color-border, #7d8394);
    --_danger: var(--onb-color-danger, #ffb4ab);
    --_success: var(--onb-color-success, #8fd6a0);
    --_warning: var(--onb-color-warning, #ffcf70);
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
`;

/** Shared look of buttons, fields and messages, so all five elements feel like one product. */
export const controls = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.6em 1.2em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button:focus-visible,
  .input:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .field {
    display: grid;
    gap: 0.35em;
  }
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .input {
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.875em;
  }
  .alert {
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: onb-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  @keyframes onb-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
