import { css } from 'lit';

/**
 * The frame, controls, legend and list of the map. Sizes are in `em`, so the contrast theme's larger text
 * and 200 % zoom scale them; the map is never taller than three quarters of the window.
 */
export const styles = css`
  :host {
    --_pm-height: var(--veche-project-map-height, 26em);
    --_pm-bg: var(--veche-project-map-bg, var(--_surface));
    --_pm-district: var(--veche-project-map-district, var(--_primary));
    --_pm-district-width: 2px;
    --_pm-group: var(--veche-project-map-group, var(--_primary));
    --_pm-group-text: var(--veche-project-map-group-text, var(--_on-primary));
    --_pm-marker: var(--veche-project-map-marker-size, 1.5em);
    --_pm-group-size: 2.6em;
    --_pm-marker-border: var(--_bg);
    --_pm-marker-ring: var(--_text);
    --_pm-no-category: var(--_muted);
  }
  /* One column that may shrink below its content's widest line: 320 px wide (200 % zoom) never scrolls sideways. */
  .base,
  .map-area,
  .list {
    grid-template-columns: minmax(0, 1fr);
  }
  .base {
    display: grid;
    gap: 0.75em;
    min-inline-size: 0;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.1em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: 0.75em 1.5em;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .filters legend {
    padding: 0;
    margin-block-end: 0.25em;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.2em;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .header > * {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select {
    min-block-size: 2.75em;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding: 0.4em 0.6em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .toggle {
    display: inline-flex;
    flex-wrap: wrap;
  }
  .toggle .button {
    border-radius: 0;
  }
  .toggle .button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .toggle .button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .toggle .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .map-area {
    display: grid;
    gap: 0.5em;
  }
  [hidden] {
    display: none !important;
  }

  /* The skip link: out of sight until the keyboard reaches it. */
  .skip {
    justify-self: start;
    color: var(--_primary);
    background: var(--_bg);
  }
  .skip:not(:focus) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  .frame {
    position: relative;
    block-size: min(var(--_pm-height), 75vh);
    min-block-size: 14em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_pm-bg);
  }
  .map {
    position: absolute;
    inset: 0;
    background: var(--_pm-bg);
    font: inherit;
    outline: none;
  }
  .map:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: calc(-1 * var(--_focus-width));
  }
  .controls {
    position: absolute;
    z-index: 1000;
    inset-block-start: 0.5em;
    inset-inline-end: 0.5em;
    display: flex;
    flex-direction: column;
    align-items: end;
    gap: 0.35em;
    max-inline-size: calc(100% - 1em);
  }
  .controls .button {
    padding: 0.25em 0.6em;
    font-size: 1em;
    box-shadow: 0 0 0 1px var(--_bg);
  }
  .controls .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .controls span[aria-hidden] {
    font-size: 1.3em;
    line-height: 1;
  }
  .crosshair {
    position: absolute;
    z-index: 900;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    inline-size: 2.5em;
    block-size: 2.5em;
    margin: -1.25em 0 0 -1.25em;
    pointer-events: none;
    background:
      linear-gradient(var(--_text), var(--_text)) center / 0.2em 100% no-repeat,
      linear-gradient(var(--_text), var(--_text)) center / 100% 0.2em no-repeat;
    filter: drop-shadow(0 0 1px var(--_bg)) drop-shadow(0 0 1px var(--_bg));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    font-size: 0.9em;
  }
  .legend ul {
    display: contents;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.9em;
    border: 1px solid var(--_text);
    border-radius: 50%;
  }
  .attribution {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .list {
    display: grid;
    gap: 0.5em;
  }
  .list ul {
    display: grid;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list li {
    display: grid;
    gap: 0.1em;
    padding-block-end: 0.5em;
    border-block-end: 1px solid var(--_track);
  }
  .list .link {
    justify-self: start;
    min-block-size: 2.75em;
    padding: 0;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .list .button {
    justify-self: start;
  }
  #list-heading:focus-visible,
  #picked:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
`;
