import { css, unsafeCSS } from 'lit';
import { light } from './themes.ts';

const fallback = (name: string) => unsafeCSS(`var(--veche-${name}, ${light[name]})`);

/**
 * Every element's styles start here: private `--_*` variables read the public `--veche-*` tokens (set by
 * the host page, a token sheet, or an enclosing `<veche-provider theme>`) with the light theme as
 * fallback. Components then use only the private ones.
 */
export const tokens = css`
  :host {
    --_font: ${fallback('font-family')};
    --_font-size: ${fallback('font-size')};
    --_line-height: ${fallback('line-height')};
    --_text: ${fallback('color-text')};
    --_muted: ${fallback('color-text-muted')};
    --_bg: ${fallback('color-bg')};
    --_surface: ${fallback('color-surface')};
    --_border: ${fallback('color-border')};
    --_primary: ${fallback('color-primary')};
    --_on-primary: ${fallback('color-on-primary')};
    --_success: ${fallback('color-success')};
    --_success-bg: ${fallback('color-success-bg')};
    --_danger: ${fallback('color-danger')};
    --_danger-bg: ${fallback('color-danger-bg')};
    --_warning: ${fallback('color-warning')};
    --_warning-bg: ${fallback('color-warning-bg')};
    --_focus: ${fallback('color-focus')};
    --_track: ${fallback('color-track')};
    --_radius: ${fallback('radius')};
    --_border-width: ${fallback('border-width')};
    --_focus-width: ${fallback('focus-width')};
  }
`;
