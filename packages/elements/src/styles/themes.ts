/**
 * The system tokens of every theme, as `--veche-*` custom properties. One source for the provider's and
 * elements' `theme` attribute and for the standalone token sheets (`dist/themes/<name>.css`).
 * Every colour pair used for text meets WCAG 2.1 contrast 4.5:1.
 */
export const THEME_NAMES = ['light', 'dark', 'contrast', 'auto'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export type Tokens = Record<string, string>;

export const light: Tokens = {
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif",
  // `em` here is the resident's default text size (`medium`), never the host page's root size: see shared.ts.
  'font-size': '1em',
  'line-height': '1.5',
  'color-text': '#1b1d21',
  'color-text-muted': '#4b5058',
  'color-bg': '#ffffff',
  'color-surface': '#f3f5f7',
  'color-border': '#767c85',
  'color-primary': '#0b5cad',
  'color-on-primary': '#ffffff',
  'color-success': '#17703f',
  'color-success-bg': '#e6f4ec',
  'color-danger': '#b3261e',
  'color-danger-bg': '#fdecea',
  'color-warning': '#7a4f00',
  'color-warning-bg': '#fff4dc',
  'color-focus': '#0b5cad',
  'color-track': '#dde3ea',
  radius: '0.5em',
  'border-width': '1px',
  'focus-width': '3px',
};

export const dark: Tokens = {
  'color-text': '#eef0f3',
  'color-text-muted': '#b9c0c9',
  'color-bg': '#16181c',
  'color-surface': '#23262c',
  'color-border': '#8b929c',
  'color-primary': '#8cbcff',
  'color-on-primary': '#0a1a2f',
  'color-success': '#6fd6a0',
  'color-success-bg': '#12301f',
  'color-danger': '#ff9a90',
  'color-danger-bg': '#3a1512',
  'color-warning': '#f3c567',
  'color-warning-bg': '#33270c',
  'color-focus': '#8cbcff',
  'color-track': '#3a3f47',
};

/** The low-vision version: black on white, larger text, thick borders and focus, no subtle greys. */
export const contrast: Tokens = {
  'font-size': '1.375em',
  'line-height': '1.6',
  'color-text': '#000000',
  'color-text-muted': '#000000',
  'color-bg': '#ffffff',
  'color-surface': '#ffffff',
  'color-border': '#000000',
  'color-primary': '#000000',
  'color-on-primary': '#ffffff',
  'color-success': '#004d1a',
  'color-success-bg': '#ffffff',
  'color-danger': '#8b0000',
  'color-danger-bg': '#ffffff',
  'color-warning': '#000000',
  'color-warning-bg': '#ffffff',
  'color-focus': '#000000',
  'color-track': '#ffffff',
  radius: '0',
  'border-width': '2px',
  'focus-width': '4px',
};

export const declarations = (tokens: Tokens): string =>
  Object.entries(tokens)
    .map(([name, value]) => `--veche-${name}: ${value};`)
    .join(' ');

/** A token sheet a host can link instead of setting `theme` on each element. */
export function tokenSheet(name: Exclude<ThemeName, 'auto'>): string {
  const tokens = name === 'light' ? light : { ...light, ...(name === 'dark' ? dark : contrast) };
  return `:root, .veche-theme-${name} { ${declarations(tokens)} }\n`;
}
