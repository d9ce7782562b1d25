import { css } from 'lit';

/** The console's layout pieces on top of the elements' tokens, shared sheet, fields and dialog. */
export const consoleStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.6em;
    line-height: 1.25;
    margin: 0 0 0.75em;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  h2 {
    font-size: 1.25em;
    margin: 1.5em 0 0.5em;
  }
  h3 {
    font-size: 1.05em;
    margin: 1em 0 0.4em;
  }
  section.card,
  fieldset {
    margin: 0 0 1.25em;
    padding: 1em 1.25em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  fieldset {
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.3em;
  }
  .grid {
    display: grid;
    gap: 0.75em 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    align-items: start;
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin: 0 0 0.75em;
  }
  .field > label,
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .issue {
    color: var(--_danger);
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    min-height: 2.75em;
    padding-block: 0.5em;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.1em 0 0;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0.75em 0;
  }
  .button[data-variant='danger'] {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .button[data-size='small'] {
    min-height: 2.75em;
    padding: 0.25em 0.7em;
    font-weight: 500;
  }
  .table-wrap {
    /* Positioned, so that visually hidden text inside cells is clipped with the table. */
    position: relative;
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.6em;
    border-bottom: var(--_border-width) solid var(--_border);
  }
  th {
    font-weight: 700;
    background: var(--_surface);
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tr[aria-selected='true'] td,
  li[aria-current='true'] {
    background: var(--_surface);
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.5em;
    border: var(--_border-width) solid var(--_border);
    border-radius: 1em;
    font-size: 0.9em;
    white-space: nowrap;
  }
  .badge[data-kind='ok'] {
    border-color: var(--_success);
    color: var(--_success);
  }
  .badge[data-kind='warn'] {
    border-color: var(--_warning);
    color: var(--_warning);
  }
  .stack > * + * {
    margin-top: 0.75em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: flex-end;
  }
  .row > .field {
    flex: 1 1 12em;
  }
  pre,
  code,
  textarea.code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
    font-size: 0.9em;
  }
  pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
    padding: 0.5em;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .sr-only {
    position: absolute;
    inset-inline-start: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  kbd {
    font-family: inherit;
    padding: 0 0.35em;
    border: var(--_border-width) solid var(--_border);
    border-radius: 0.25em;
  }
  .preview {
    padding: 1em;
    border: var(--_border-width) dashed var(--_border);
    border-radius: var(--_radius);
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;
