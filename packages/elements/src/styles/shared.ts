import { css } from 'lit';

/**
 * What every element shares: a host that survives hostile page CSS (`* { all: revert }`, odd inherited
 * text styles), the `base` wrapper that resets inherited text properties, focus rings, buttons, alerts
 * and the visually hidden text that screen readers read.
 */
export const shared = css`
  /*
   * Text size: every element starts from the resident's default text size ('medium', the browser's font
   * size setting), not the host page's root size, so Bootstrap 3's 10 px root, a theme's 62.5 % or a
   * 40 px root change nothing, while a resident who chose larger text gets it (and page zoom scales all).
   * Nothing on the page can change it (an !important in a shadow root beats the page's !important); the
   * host sizes the elements with --veche-font-size instead: em (relative to that default: 1em, the
   * low-vision theme's 1.375em), or any absolute length (18px, or 1.25rem to follow its own root size).
   * The token applies once, on the top-level wrapper, so sizes never compound.
   */
  :host {
    display: block !important;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--_text);
    font-family: var(--_font);
    font-size: medium !important;
    line-height: var(--_line-height);
  }
  :host > [part~='base'],
  :host > dialog {
    font-size: var(--_font-size);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~='base'] {
    box-sizing: border-box;
    /* Set, not inherited: a host page's '* { font-family: … !important }' reaches the host element. */
    font-family: var(--_font);
    line-height: var(--_line-height);
    font-weight: 400;
    font-style: normal;
    color: var(--_text);
    text-align: start;
    text-transform: none;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1.1em;
    border: var(--_border-width) solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_primary);
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  .button[data-variant='primary'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .link {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .alert {
    margin: 0;
    padding: 0.75em 1em;
    border: var(--_border-width) solid var(--_danger);
    border-inline-start-width: 0.3em;
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    color: var(--_text);
  }
  .alert[data-kind='success'] {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  .alert[data-kind='info'] {
    border-color: var(--_primary);
    background: var(--_surface);
  }
  .muted {
    color: var(--_muted);
  }
  .skeleton {
    display: block;
    min-height: 1.5em;
    border-radius: var(--_radius);
    background: var(--_track);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: veche-pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes veche-pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
