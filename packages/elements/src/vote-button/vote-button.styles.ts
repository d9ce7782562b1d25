import { css } from 'lit';

/**
 * The vote button: a toggle with the facts beside it, wrapping under each other when narrow (320 px,
 * 200 % zoom). Component tokens fall back to the system tokens.
 */
export const styles = css`
  :host {
    --_vb-bg: var(--veche-vote-button-bg, var(--_primary));
    --_vb-color: var(--veche-vote-button-color, var(--_on-primary));
    --_vb-done-bg: var(--veche-vote-button-done-bg, var(--_success-bg));
    --_vb-done-color: var(--veche-vote-button-done-color, var(--_success));
  }
  p {
    margin: 0;
  }
  .vote {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .facts {
    display: flex;
    flex: 1 1 10em;
    flex-direction: column;
    min-width: 0;
  }
  .count {
    font-weight: 700;
  }
  .count .muted {
    font-weight: 400;
  }
  .toggle {
    border-color: var(--_vb-bg);
    background: var(--_vb-bg);
    color: var(--_vb-color);
  }
  .toggle[aria-pressed='true'] {
    border-color: var(--_vb-done-color);
    background: var(--_vb-done-bg);
    color: var(--_vb-done-color);
  }
  /* An inactive toggle stays readable (the low-vision version): only the cursor says it. */
  .toggle[aria-disabled='true'] {
    opacity: 1;
    cursor: default;
  }
  [data-busy='true'] .toggle {
    cursor: progress;
  }
  svg {
    flex: none;
    width: 1.1em;
    height: 1.1em;
  }
  .note {
    max-width: 40em;
  }
  .note .link {
    display: inline-block;
    margin-inline-start: 0.25em;
  }
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
`;
