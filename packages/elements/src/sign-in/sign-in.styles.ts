import { css } from 'lit';

/** The sign-in dialog: one column that wraps at 320 px and 200 % zoom, in the theme's colours. */
export const styles = css`
  dialog {
    box-sizing: border-box;
    width: var(--veche-sign-in-width, 30em);
    max-width: calc(100% - 1.5em);
    max-height: calc(100% - 1.5em);
    overflow: auto;
    margin: auto;
    padding: 0;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
  }
  dialog::backdrop {
    background: var(--veche-sign-in-backdrop, rgb(0 0 0 / 0.55));
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding: 1.25em;
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
  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: calc(var(--_border-width) * 2);
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
