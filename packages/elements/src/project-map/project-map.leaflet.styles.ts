import { css } from 'lit';

/**
 * The part of Leaflet's stylesheet (leaflet/dist/leaflet.css 1.9.4, BSD-2-Clause, © Vladimir Agafonkin)
 * that the parts of Leaflet we use need — panes, tiles, zoom animation, cursors — plus the markers. It
 * goes into the element's shadow root with the map (document styles do not reach in), so pages without
 * a map never load it.
 */
export const leafletStyles = css`
  .leaflet-pane,
  .leaflet-tile,
  .leaflet-tile-container,
  .leaflet-pane > svg,
  .leaflet-layer,
  .markers,
  .marker,
  .pin {
    position: absolute;
    left: 0;
    top: 0;
  }
  .leaflet-container {
    overflow: hidden;
    -webkit-tap-highlight-color: transparent;
  }
  .leaflet-tile {
    user-select: none;
    -webkit-user-drag: none;
    filter: inherit;
    visibility: hidden;
  }
  .leaflet-tile-loaded {
    visibility: inherit;
  }
  .leaflet-container .leaflet-overlay-pane svg,
  .leaflet-container .leaflet-tile {
    max-width: none !important;
    max-height: none !important;
    width: auto;
    padding: 0;
  }
  .leaflet-container img.leaflet-tile {
    mix-blend-mode: plus-lighter;
  }
  .leaflet-container.leaflet-touch-zoom {
    touch-action: pan-x pan-y;
  }
  .leaflet-container.leaflet-touch-drag {
    touch-action: pinch-zoom;
  }
  .leaflet-container.leaflet-touch-drag.leaflet-touch-zoom {
    touch-action: none;
  }
  .leaflet-pane {
    z-index: 400;
  }
  .leaflet-tile-pane {
    z-index: 200;
  }
  .leaflet-overlay-pane {
    z-index: 400;
  }
  .leaflet-marker-pane {
    z-index: 600;
  }
  .leaflet-map-pane svg {
    z-index: 200;
  }
  .leaflet-zoom-animated {
    transform-origin: 0 0;
  }
  .leaflet-zoom-anim .leaflet-zoom-animated {
    transition: transform 0.25s cubic-bezier(0, 0, 0.25, 1);
  }
  .leaflet-zoom-anim .leaflet-tile,
  .leaflet-pan-anim .leaflet-tile {
    transition: none;
  }
  .leaflet-zoom-anim .leaflet-zoom-hide {
    visibility: hidden;
  }
  .leaflet-fade-anim .leaflet-tile {
    will-change: opacity;
  }
  .leaflet-grab {
    cursor: grab;
  }
  .leaflet-dragging .leaflet-grab {
    cursor: move;
  }

  /* Districts: outlines in the theme's colours (CSS wins over the SVG attributes Leaflet sets). */
  path.district {
    stroke: var(--_pm-district);
    stroke-width: var(--_pm-district-width);
    stroke-opacity: 1;
    fill: var(--_pm-district);
    fill-opacity: 0.08;
  }

  /* Markers: a dot for a project, a bigger disc with the count for a group. */
  .marker {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    inline-size: var(--_pm-marker);
    block-size: var(--_pm-marker);
    margin: calc(var(--_pm-marker) / -2) 0 0 calc(var(--_pm-marker) / -2);
    border: 0.2em solid var(--_pm-marker-border);
    border-radius: 50%;
    background: var(--c, var(--_pm-group));
    color: var(--_on-primary);
    font-size: 0.875em;
    font-weight: 700;
    line-height: 1;
    cursor: pointer;
    user-select: none;
    box-shadow: 0 0 0 1px var(--_pm-marker-ring);
  }
  /* A group: a disc with its count, a pill when the count is long (1 234). */
  .marker[data-kind='group'] {
    inline-size: auto;
    min-inline-size: var(--_pm-group-size);
    block-size: var(--_pm-group-size);
    padding-inline: 0.4em;
    margin: calc(var(--_pm-group-size) / -2) 0 0 0;
    border-radius: calc(var(--_pm-group-size) / 2);
    background: var(--_pm-group);
    color: var(--_pm-group-text);
    white-space: nowrap;
    translate: -50% 0;
  }
  .marker:hover {
    z-index: 1;
    box-shadow: 0 0 0 0.2em var(--_pm-marker-ring);
  }
  /* The marker the keyboard is on, while the map has focus. */
  :focus-visible .marker[aria-selected='true'],
  .marker[aria-selected='true']:hover {
    z-index: 2;
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  /* The picked point: a ring around a dot. */
  .pin {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: -0.75em 0 0 -0.75em;
    border: 0.4em solid var(--_danger);
    border-radius: 50%;
    background: var(--_pm-marker-border);
    box-shadow: 0 0 0 0.15em var(--_pm-marker-border), 0 0 0 calc(0.15em + 1px) var(--_pm-marker-ring);
  }
`;
