import { css } from 'lit';
import { fieldStyles } from '../styles/fields.ts';

/**
 * The styles of the forms and a comment's buttons, adopted with the forms (comments.form.ts): fields
 * 44 px tall at full width, choices as 44 px rows, the character count in words and in bold when over.
 */
export const formStyles = css`
  ${fieldStyles}
  .form {
    display: grid;
    gap: 0.75em;
    min-inline-size: 0;
  }
  .buttons,
  .stances {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .small {
    min-height: 2.75em;
    padding: 0.25em 0.75em;
    font-weight: 400;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend,
  .label {
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
  }
  .consent {
    align-items: flex-start;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0.15em 0 0;
  }
  textarea {
    resize: vertical;
  }
  .count[data-over] {
    color: var(--_danger);
    font-weight: 600;
  }
  .inline {
    padding-top: 0.5em;
    border-top: var(--_border-width) solid var(--_border);
  }
`;
