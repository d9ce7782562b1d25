import { css } from 'lit';

/**
 * One column that wraps (320 px, 200 % zoom): each item's title, date, text, photos and link stack;
 * photos fill a grid of columns at least 10em wide and never overflow. Lines of text keep their breaks.
 */
export const styles = css`
  .base,
  .list,
  article {
    display: grid;
    gap: 1em;
    min-inline-size: 0;
  }
  .list,
  .photos {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  p {
    margin: 0;
  }
  .label {
    font-size: 1.35em;
    font-weight: 700;
    line-height: 1.25;
  }
  .item {
    padding-inline-start: 0.9em;
    border-inline-start: 0.3em solid var(--veche-updates-accent, var(--_border));
  }
  article {
    gap: 0.4em;
  }
  .title {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.3;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    color: var(--_muted);
  }
  .kind {
    font-weight: 600;
    color: var(--_text);
  }
  .text {
    white-space: pre-line;
  }
  .photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10em), 1fr));
    gap: 0.5em;
  }
  img {
    display: block;
    inline-size: 100%;
    block-size: auto;
    max-block-size: 20em;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .link {
    justify-self: start;
    min-block-size: 2.75em;
    display: inline-flex;
    align-items: center;
  }
  [part='more'] {
    justify-self: start;
  }
`;
