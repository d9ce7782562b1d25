import { css } from 'lit';

/**
 * Every element's styles start here: private `--_*` variables read the public `--veche-*` tokens (set by
 * the host page, a token sheet, or an enclosing `<veche-provider theme>`) with the light theme as
 * fallback. Components then use only the private ones.
 *
 * The fallbacks are the values of `light` in themes.ts, written out rather than read from it so that an
 * element does not carry the theme table (test/tokens.test.ts checks that they agree).
 */
export const tokens = css`
  :host {
    --_font: var(--veche-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif);
    --_font-size: var(--veche-font-size, 1em);
    --_line-height: var(--veche-line-height, 1.5);
    --_text: var(--veche-color-text, #1b1d21);
    --_muted: var(--veche-color-text-muted, #4b5058);
    --_bg: var(--veche-color-bg, #ffffff);
    --_surface: var(--veche-color-surface, #f3f5f7);
    --_border: var(--veche-color-border, #767c85);
    --_primary: var(--veche-color-primary, #0b5cad);
    --_on-primary: var(--veche-color-on-primary, #ffffff);
    --_success: var(--veche-color-success, #17703f);
    --_success-bg: var(--veche-color-success-bg, #e6f4ec);
    --_danger: var(--veche-color-danger, #b3261e);
    --_danger-bg: var(--veche-color-danger-bg, #fdecea);
    --_warning: var(--veche-color-warning, #7a4f00);
    --_warning-bg: var(--veche-color-warning-bg, #fff4dc);
    --_focus: var(--veche-color-focus, #0b5cad);
    --_track: var(--veche-color-track, #dde3ea);
    --_radius: var(--veche-radius, 0.5em);
    --_border-width: var(--veche-border-width, 1px);
    --_focus-width: var(--veche-focus-width, 3px);
  }
`;
