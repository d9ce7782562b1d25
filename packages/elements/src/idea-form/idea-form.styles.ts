import { css } from 'lit';

export const ideaFormStyles = css`
  :host {
    --_gap: var(--veche-idea-form-gap, 1.25em);
    --_field-bg: var(--veche-idea-form-field-bg, var(--_bg));
    --_invalid: var(--veche-idea-form-invalid, var(--_danger));
  }
  [part~='base'] {
    display: grid;
    gap: var(--_gap);
  }
  form,
  fieldset,
  .field,
  [part~='success'] {
    display: grid;
    gap: calc(var(--_gap) * 0.6);
    min-width: 0;
    margin: 0;
  }
  form {
    gap: var(--_gap);
  }
  fieldset {
    padding: 0;
    border: 0;
  }
  legend,
  h2,
  h3 {
    margin: 0 0 0.25em;
    padding: 0;
    font-weight: 700;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.4em;
  }
  legend,
  h3 {
    font-size: 1.15em;
  }
  p,
  ul {
    margin: 0;
  }
  label,
  [part~='label'] {
    font-weight: 600;
  }
  .hint,
  [part~='counter'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='counter'][data-near] {
    color: var(--_text);
    font-weight: 600;
  }
  [part~='input'] {
    display: block;
    width: 100%;
    max-width: 100%;
    min-height: 2.75em;
    margin: 0;
    padding: 0.5em 0.75em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field-bg);
    color: var(--_text);
    line-height: var(--_line-height);
  }
  textarea[part~='input'] {
    min-height: 6em;
    resize: vertical;
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_invalid);
    box-shadow: inset 0.25em 0 0 var(--_invalid);
  }
  .error {
    color: var(--_invalid);
    font-weight: 600;
  }
  .coords {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .coords > .field {
    flex: 1 1 10em;
  }
  [part~='photos'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
    gap: var(--_gap);
    padding: 0;
    list-style: none;
  }
  [part~='photo'] {
    display: grid;
    gap: 0.5em;
    align-content: start;
    padding: 0.75em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='preview'] {
    display: block;
    width: 100%;
    height: 8em;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_track);
  }
  [part~='consent'] {
    display: grid;
    gap: 0.4em;
  }
  .check {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    min-height: 2.75em;
    font-weight: 400;
  }
  .check input {
    flex: none;
    width: 1.4em;
    height: 1.4em;
    margin: 0.15em 0 0;
    accent-color: var(--_primary);
  }
  details {
    padding-inline-start: 2em;
  }
  summary {
    min-height: 2.75em;
    display: list-item;
    padding-block: 0.6em;
    color: var(--_primary);
    cursor: pointer;
  }
  details p {
    white-space: pre-line;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  [part~='error-summary'] {
    display: grid;
    gap: 0.5em;
  }
  [part~='error-summary'] ul {
    padding-inline-start: 1.25em;
  }
  [part~='error-summary'] a {
    color: var(--_invalid);
    font-weight: 600;
  }
  [tabindex='-1']:focus {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
`;
