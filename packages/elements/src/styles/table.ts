import { css } from 'lit';

/**
 * Data tables of the elements that show figures (results, participation): full width, a caption at the
 * start, ruled rows; inside `.scroll` (a focusable region) a table wider than the element scrolls
 * sideways, as a data table may, while the element itself never does.
 */
export const table = css`
  .scroll {
    max-inline-size: 100%;
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.35em;
  }
  th,
  td {
    padding: 0.35em 0.5em;
    border-block-end: var(--_border-width) solid var(--_border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: normal;
    hyphens: manual;
  }
`;
