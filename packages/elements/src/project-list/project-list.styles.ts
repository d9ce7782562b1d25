import { css } from 'lit';

/**
 * The list: a filter bar whose fields wrap, and a grid of cards that falls to one column at 320 px and
 * 200 % zoom (or one project per line with `layout="rows"`). The title's link covers the whole card, so a
 * click anywhere opens the project; the vote button sits above it.
 */
export const styles = css`
  :host {
    --_pl-card-bg: var(--veche-project-list-card-bg, var(--_surface));
    --_pl-card-min: var(--veche-project-list-card-min, 17em);
  }
  .base,
  .results {
    display: grid;
    gap: 1em;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1em;
  }
  .field {
    display: flex;
    flex: 1 1 10em;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .search {
    flex-basis: 16em;
  }
  label {
    font-weight: 600;
  }
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_pl-card-min)), 1fr));
    gap: 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :host([layout='rows']) .list {
    grid-template-columns: minmax(0, 1fr);
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding: 1em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_pl-card-bg);
  }
  :host([layout='rows']) .card {
    flex-flow: row wrap;
    align-items: flex-start;
  }
  .card:has(a:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .body {
    display: flex;
    flex: 1 1 16em;
    flex-direction: column;
    gap: 0.5em;
    min-width: 0;
  }
  img {
    order: -1;
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  :host([layout='rows']) img {
    width: min(100%, 10em);
  }
  .title {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.3;
  }
  .title a {
    color: var(--_text);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .title a::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  veche-vote-button {
    position: relative;
    z-index: 1;
  }
  .empty {
    display: grid;
    justify-items: start;
    gap: 0.5em;
    padding: 1em;
    border: var(--_border-width) dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty .title {
    font-size: 1.15em;
  }
  .more {
    justify-self: start;
  }
`;
