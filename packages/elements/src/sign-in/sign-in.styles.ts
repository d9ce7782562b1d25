import { css } from 'lit';

/** The sign-in dialog: one column that wraps at 320 px and 200 % zoom, in the theme's colours. */
export const styles = css`
  :host {
    --_dialog-width: var(--veche-sign-in-width, 30em);
    --_dialog-backdrop: var(--veche-sign-in-backdrop, rgb(0 0 0 / 0.55));
  }
  .panel {
    gap: 0.75em;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    width: 100%;
  }
  label {
    font-weight: 600;
  }
  .hint {
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .row,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  .actions {
    justify-content: flex-end;
  }
  /* A button that looks like the shared .link. */
  .link-button {
    align-self: flex-start;
    min-height: 2.75em;
    padding: 0.25em 0;
    border: 0;
    background: none;
    text-align: start;
    cursor: pointer;
  }
`;
