import { css } from 'lit';

/**
 * One column that wraps (320 px, 200 % zoom): each line of a picture puts its words above its bar; the
 * tables scroll sideways inside their own focusable region when narrower than their columns. Bars have
 * a border, so they stay visible in the contrast theme; digital participants differ by colour and by
 * their words, never by colour alone.
 */
export const styles = css`
  :host {
    --_pa-bar: var(--veche-participation-bar, var(--_primary));
    --_pa-digital: var(--veche-participation-digital, var(--_success));
    --_pa-track: var(--veche-participation-track, var(--_track));
  }
  .base,
  .report,
  .chart {
    display: grid;
    gap: 1em;
    min-inline-size: 0;
  }
  .chart {
    margin: 0;
    padding: 0;
    list-style: none;
    gap: 0.75em;
  }
  .chart li {
    display: grid;
    gap: 0.2em;
  }

  p {
    margin: 0;
  }
  .label {
    font-size: 1.35em;
    font-weight: 700;
    line-height: 1.25;
  }
  .sub {
    font-size: 1.15em;
    font-weight: 700;
  }
  .bar {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 1.1em;
    border: var(--_border-width) solid var(--_border);
    border-radius: 2px;
    background: var(--_pa-track);
    color: var(--_pa-bar);
  }
  [data-digital] .bar {
    color: var(--_pa-digital);
  }
  rect {
    fill: currentColor;
  }
  td {
    text-align: end;
    white-space: nowrap;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
`;
