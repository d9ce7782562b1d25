import { css } from 'lit';

/**
 * The ballot: a sticky summary with the budget bar (the money left stays in sight while scrolling
 * 200 projects), cards that wrap at 320 px and 200 % zoom, and touch targets of 2.75em.
 */
export const styles = css`
  :host {
    --_bb-indicator: var(--veche-budget-ballot-indicator, var(--_primary));
    --_bb-chosen: var(--veche-budget-ballot-chosen-bg, var(--_surface));
    --_bb-summary-bg: var(--veche-budget-ballot-summary-bg, var(--_bg));
  }
  [part~='base'],
  section,
  fieldset {
    display: grid;
    gap: 1em;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  h2,
  h3,
  h4,
  legend,
  p,
  ul {
    margin: 0;
    padding: 0;
  }
  h2 {
    font-size: 1.4em;
    line-height: 1.3;
  }
  h3,
  legend {
    font-size: 1.15em;
    font-weight: 700;
  }
  h4 {
    font-size: 1em;
  }
  ul {
    list-style: none;
    display: grid;
    gap: 0.75em;
  }
  [part~='rules'] ul {
    list-style: disc;
    padding-inline-start: 1.25em;
    gap: 0.25em;
  }
  [part~='summary'] {
    position: sticky;
    top: 0;
    z-index: 1;
    display: grid;
    gap: 0.4em;
    padding: 0.75em 0;
    border-bottom: var(--_border-width) solid var(--_border);
    background: var(--_bb-summary-bg);
  }
  /* A short window (a phone held sideways, 200 % zoom): the summary scrolls with the page rather than cover it. */
  @media (max-height: 32em) {
    [part~='summary'] {
      position: static;
    }
  }
  /* What takes focus in the list scrolls clear of the sticky summary. */
  [part~='list'] input,
  [part~='list'] button {
    scroll-margin-block: 10em 1em;
  }
  .track {
    position: relative;
    height: 0.9em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_track);
    overflow: hidden;
  }
  [part~='indicator'] {
    display: block;
    height: 100%;
    width: var(--value);
    background: var(--_bb-indicator);
  }
  [data-over] [part~='indicator'] {
    background: var(--_danger);
  }
  .marker {
    position: absolute;
    inset-block: 0;
    left: var(--value);
    width: 0.2em;
    background: var(--_text);
  }
  .over,
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  [part~='card'] {
    display: grid;
    gap: 0.4em;
    padding: 0.75em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='card'][data-chosen] {
    background: var(--_bb-chosen);
    box-shadow: inset 0.3em 0 0 var(--_primary);
  }
  [part~='card'][data-invalid] {
    box-shadow: inset 0.3em 0 0 var(--_danger);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    font-weight: 600;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
    accent-color: var(--_primary);
  }
  .row,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .cost {
    font-weight: 700;
  }
  .note {
    font-size: 0.95em;
  }
  .stepper {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
  }
  .stepper input {
    width: 4.5em;
    min-height: 2.75em;
    padding: 0.25em 0.5em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    text-align: center;
  }
  .big {
    font-size: 1.15em;
    padding-inline: 1.5em;
  }
  [part~='code'] {
    font-size: 1.3em;
    letter-spacing: 0.08em;
  }
  .districts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .alert {
    display: grid;
    gap: 0.5em;
  }
`;
