/*
 * The poster's styles and printing, loaded the first time a resident opens the poster (the element
 * draws it: a big QR code, the campaign's title, a short text and the address in words, black on white
 * whatever the theme). "Print" prints the poster alone from a hidden frame built with DOM calls (no
 * markup strings, no inline styles), so the host page around the element is not printed. Printing the page itself with
 * the dialog open also leaves the buttons out (`@media print`). Plain strings, no Lit: this chunk
 * shares nothing with the element's entry.
 */

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

/** Hands a window to the browser's print dialog; tests replace it. */
export const printer = { print: (win: Window) => win.print() };

/**
 * Prints `poster` alone: a copy in a hidden same-origin frame with its own A4 page styles, removed
 * after printing.
 */
export function printPoster(poster: Element, title: string, lang: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.documentElement.lang = lang;
  doc.title = title;
  const win = frame.contentWindow!;
  // A sheet of the frame's own, not a <style>: a strict page's CSP (no 'unsafe-inline') reaches the frame too.
  const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(posterCss + PRINT_PAGE);
  doc.adoptedStyleSheets = [sheet];
  doc.body.append(doc.importNode(poster, true));
  const remove = () => frame.remove();
  win.addEventListener('afterprint', remove, { once: true });
  // Browsers that never send afterprint (or a print dialog left open) still get the frame removed.
  setTimeout(remove, 120_000);
  printer.print(win);
  return frame;
}
