import { css } from 'lit';

/**
 * One column that wraps: each chart row puts the title (wrapping freely) above its bar, so the chart
 * reads at 320 px and at 200 % zoom. Bars are SVG sized in `em` and percentages, with a border so they
 * stay visible in the contrast theme where the track is the background colour. Winners differ by a
 * text mark, a thicker outline and a hatched bar, not only by colour.
 */
export const styles = css`
  :host {
    --_rs-bar: var(--veche-results-bar, var(--_primary));
    --_rs-winner: var(--veche-results-winner, var(--_success));
    --_rs-track: var(--veche-results-track, var(--_track));
    --_rs-height: var(--veche-results-bar-height, 1.25em);
  }
  .base,
  section {
    display: grid;
    gap: 1em;
    min-inline-size: 0;
  }
  .base {
    gap: 1.5em;
  }
  h2,
  h3,
  h4,
  p,
  ol,
  ul,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.15em;
  }
  h4 {
    font-size: 1em;
  }
  ol,
  ul {
    padding: 0;
    list-style: none;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
    gap: 1em;
  }
  .figure,
  .district {
    display: grid;
    gap: 0.35em;
    padding: 0.75em 1em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .big {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
    overflow-wrap: break-word;
    hyphens: manual;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: var(--_rs-height);
    overflow: visible;
    color: var(--_rs-bar);
  }
  .bar .track {
    fill: var(--_rs-track);
    stroke: var(--_border);
    stroke-width: var(--_border-width);
  }
  .bar .fill {
    fill: currentColor;
  }
  [data-winner] .bar {
    color: var(--_rs-winner);
  }
  .bar .hatch {
    stroke: var(--_bg);
    stroke-width: 0.2em;
  }
  .winners {
    display: grid;
    gap: 0.75em;
  }
  .winners li {
    display: grid;
    gap: 0.1em;
  }
  .winners li,
  .row {
    padding-inline-start: 0.75em;
    border-inline-start: 0.3em solid transparent;
  }
  .winners li,
  .row[data-winner] {
    border-inline-start-color: var(--_rs-winner);
  }
  .mark {
    display: inline-block;
    margin-inline-start: 0.4em;
    padding: 0 0.5em;
    border: var(--_border-width) solid var(--_rs-winner);
    border-radius: var(--_radius);
    background: var(--_success-bg);
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 700;
    white-space: nowrap;
  }
  .chart {
    display: grid;
    gap: 0.9em;
  }
  .row {
    display: grid;
    gap: 0.2em;
  }
  .name {
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  th .muted {
    font-weight: 400;
  }
  td.n {
    text-align: end;
    white-space: nowrap;
  }
  /* Titles keep a readable width; a narrow element scrolls the table sideways (a data table may). */
  tbody th {
    min-inline-size: 12em;
    overflow-wrap: break-word;
  }
  .districts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    gap: 1em;
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
`;
