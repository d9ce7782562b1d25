import { css } from 'lit';

/**
 * A modal `<dialog>` in the theme's colours, one column that fits 320 px and 200 % zoom, and its panel.
 * An element sets `--_dialog-width` and `--_dialog-backdrop` from its own public tokens.
 */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    width: var(--_dialog-width, 40em);
    max-width: calc(100% - 1em);
    max-height: calc(100% - 1em);
    overflow: auto;
    margin: auto;
    padding: 0;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    line-height: var(--_line-height);
  }
  dialog::backdrop {
    background: var(--_dialog-backdrop, rgb(0 0 0 / 0.55));
  }
  .panel {
    display: grid;
    gap: 1em;
    padding: 1.25em;
  }
`;
