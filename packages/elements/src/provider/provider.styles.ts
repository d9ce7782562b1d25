import { css, unsafeCSS } from 'lit';
import { contrast, dark, declarations } from '../styles/themes.ts';

/** The `theme` attribute of `<veche-provider>`: sets the public tokens that everything inside inherits. */
export const themes = css`
  :host([theme='dark']) {
    ${unsafeCSS(declarations(dark))}
  }
  :host([theme='contrast']) {
    ${unsafeCSS(declarations(contrast))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(declarations(dark))}
    }
  }
`;
