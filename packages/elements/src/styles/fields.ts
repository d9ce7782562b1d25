import { css } from 'lit';

/** Text fields and selects: full width, 44 px tall, in the theme's colours, a thick border when invalid. */
export const fieldStyles = css`
  input:not([type='checkbox'], [type='radio'], [type='file']),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: calc(var(--_border-width) * 2);
  }
`;
