/*
 * The poster's styles and printing, loaded the first time a resident opens the poster (the element
 * draws it: a big QR code, the campaign's title, a short text and the address in words, black on white
 * whatever the theme). "Print" prints the poster alone from a hidden frame built with DOM calls (no
 * markup strings, no inline styles), so the host page around the element is not printed. Printing the page itself with
 * the dialog open also leaves the buttons out (`@media print`). Plain strings, no Lit: this chunk
 * shares nothing with the element's entry.
 */

import { printInFrame } from '../base/print-frame.ts';

export { printer } from '../base/print-frame.ts';

export const posterCss = `
  .poster-dialog {
    box-sizing: border-box;
    width: min(40em, calc(100% - 1.5em));
    max-height: calc(100% - 1.5em);
    overflow: auto;
    padding: 0;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .poster-dialog::backdrop {
    background: var(--veche-share-backdrop, rgb(0 0 0 / 0.55));
  }
  .poster {
    display: grid;
    justify-items: center;
    gap: 0.75em;
    padding: 1.5em;
    background: #fff;
    color: #000;
    text-align: center;
  }
  .poster h2 {
    margin: 0;
    font-size: 1.75em;
    line-height: 1.2;
  }
  .poster p {
    margin: 0;
  }
  .poster .lead {
    font-size: 1.25em;
  }
  .poster .qr {
    inline-size: min(100%, 18em);
    block-size: auto;
  }
  .poster .address {
    font-size: 1.4em;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
    padding: 1em 1.5em;
  }
  @media print {
    .poster-dialog {
      border: 0;
    }
    .poster-dialog::backdrop {
      background: #fff;
    }
    .actions {
      display: none;
    }
  }
`;

/** The frame's own page: A4, the poster filling it. */
const PRINT_PAGE = `@page { size: A4 portrait; margin: 15mm; }
html, body { margin: 0; background: #fff; color: #000; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif; }
.poster { min-height: 250mm; align-content: center; gap: 8mm; padding: 0; font-size: 14pt; }
.poster h2 { font-size: 32pt; }
.poster .lead { font-size: 18pt; }
.poster .qr { inline-size: 120mm; }
.poster .address { font-size: 22pt; }
`;

/** Prints `poster` alone: a copy in a hidden same-origin frame with its own A4 page styles. */
export function printPoster(poster: Element, title: string, lang: string): HTMLIFrameElement {
  return printInFrame([poster], title, lang, posterCss + PRINT_PAGE);
}
