import { css } from 'lit';

/** The detail dialog: one column that wraps at 320 px and 200 % zoom, in the theme's colours. */
export const styles = css`
  :host {
    --_dialog-width: var(--veche-project-detail-width, 48em);
    --_dialog-backdrop: var(--veche-project-detail-backdrop, rgb(0 0 0 / 0.55));
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5em 1em;
  }
  h2 {
    flex: 1 1 12em;
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }
  .photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  .summary {
    font-weight: 600;
  }
  .description {
    white-space: pre-line;
  }
`;
