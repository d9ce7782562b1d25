import { css } from 'lit';

/**
 * One column that wraps (320 px, 200 % zoom). Options are 44 px tall rows; bars are SVG with a bordered
 * track, so they show in the contrast theme; the resident's own answer is marked in words.
 */
export const styles = css`
  :host {
    --_pl-bar: var(--veche-poll-bar, var(--_primary));
    --_pl-track: var(--veche-poll-track, var(--_track));
  }
  section,
  form,
  fieldset {
    display: grid;
    gap: 0.75em;
    min-inline-size: 0;
  }
  h2,
  h3,
  p,
  ol,
  ul,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.15em;
  }
  fieldset {
    gap: 0.25em;
    padding: 0;
    border: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  #other {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .label,
  .yours {
    font-weight: 600;
  }
`;
