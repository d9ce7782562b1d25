import { css } from 'lit';

/**
 * Bars are CSS boxes sized in `em` and percentages: they scale with the text (the contrast theme,
 * 200 % zoom) and wrap at 320 px. Every bar has a border, so it stays visible where the track colour
 * equals the background (the contrast theme).
 */
export const styles = css`
  :host {
    --_pm-track: var(--veche-progress-meter-track, var(--_track));
    --_pm-indicator: var(--veche-progress-meter-indicator, var(--_primary));
    --_pm-reached: var(--veche-progress-meter-reached, var(--_success));
    --_pm-warning: var(--veche-progress-meter-warning, var(--_warning));
    --_pm-marker: var(--veche-progress-meter-marker, var(--_text));
    --_pm-height: var(--veche-progress-meter-height, 1em);
  }
  .base,
  .view {
    display: grid;
    gap: 0.6em;
    margin: 0;
    min-inline-size: 0;
  }
  .base {
    gap: 1.5em;
  }
  p {
    margin: 0;
  }
  .caption,
  .name {
    font-weight: 600;
  }
  .count {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 1em;
  }

  /* A bar: the track, its filled indicator, and marks that stand out above and below it. */
  .track,
  .segment {
    position: relative;
    block-size: var(--_pm-height);
    margin-block: 0.35em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_pm-track);
  }
  .indicator {
    display: block;
    block-size: 100%;
    inline-size: var(--value, 0%);
    border-radius: inherit;
    background: var(--_pm-indicator);
  }
  [data-state='reached'] .indicator {
    background: var(--_pm-reached);
  }
  .marker,
  .key {
    position: absolute;
    inset-block: -0.4em;
    inset-inline-start: var(--at, 0%);
    inline-size: 0.25em;
    margin-inline-start: -0.125em;
    background: var(--_pm-marker);
    box-shadow: 0 0 0 1px var(--_bg);
  }
  [data-kind='max'] {
    background: repeating-linear-gradient(var(--_pm-marker) 0 0.2em, transparent 0.2em 0.35em);
  }
  .key {
    position: relative;
    display: inline-block;
    inset: auto;
    block-size: 1em;
    margin-inline: 0 0.5em;
    vertical-align: -0.15em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .indicator {
      transition: inline-size 0.4s ease-out;
    }
  }

  .legend {
    font-size: 0.875em;
  }
  .limit {
    display: inline-block;
    margin-inline-end: 1.5em;
  }
  .badge {
    justify-self: start;
    padding: 0.2em 0.7em;
    border: var(--_border-width) solid var(--_pm-warning);
    border-inline-start-width: 0.3em;
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_text);
    font-weight: 600;
  }
  .badge > [aria-hidden] {
    margin-inline-end: 0.4em;
  }
  .badge[data-state='reached'] {
    border-color: var(--_pm-reached);
    background: var(--_success-bg);
  }
  .badge[data-state='left'] {
    border-color: var(--_pm-indicator);
    background: var(--_surface);
  }

  .live {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }

  /* Lists of sources, phases and milestones. */
  .list {
    display: grid;
    gap: 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .source {
    display: grid;
    gap: 0.25em;
  }
  .source[data-flag] {
    padding-inline-start: 0.6em;
    border-inline-start: 0.3em solid var(--_pm-warning);
  }

  .phases {
    display: flex;
    gap: 0.25em;
    margin-block: 0.35em;
  }
  .segment {
    flex: 1 1 0;
    min-inline-size: 0;
    margin-block: 0;
  }
  .step {
    display: grid;
    grid-template-columns: 2em minmax(0, 1fr);
    gap: 0.75em;
    align-items: start;
  }
  .body {
    display: grid;
    gap: 0.15em;
  }
  .dot {
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    border: 0.125em solid var(--_border);
    border-radius: 50%;
    background: var(--_bg);
    font-weight: 700;
    line-height: 1;
  }
  [data-state='done'] > .dot {
    border-color: var(--_pm-indicator);
    background: var(--_pm-indicator);
    color: var(--_on-primary);
  }
  [data-state='current'] > .dot {
    border-width: 0.25em;
    border-color: var(--_pm-indicator);
  }
  [data-state='current'] .name {
    font-weight: 700;
  }
  .photos {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.35em;
  }
  .photos img {
    display: block;
    max-inline-size: min(100%, 14em);
    block-size: auto;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
`;
