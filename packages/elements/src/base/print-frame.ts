/*
 * Printing a part of an element alone: a copy in a hidden same-origin frame with its own page styles,
 * built with DOM calls (no markup strings), removed after printing. The host page around the element is
 * not printed. Used by the parts loaded on demand (the share poster, the participation report).
 */

/** Hands a window to the browser's print dialog; tests replace it. */
export const printer = { print: (win: Window) => win.print() };

/** Prints copies of `nodes` under `title` with `css` as the frame's only styles. */
export function printInFrame(nodes: readonly Node[], title: string, lang: string, css: string): HTMLIFrameElement {
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
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
  doc.body.append(...nodes.map((node) => doc.importNode(node, true)));
  const remove = () => frame.remove();
  win.addEventListener('afterprint', remove, { once: true });
  // Browsers that never send afterprint (or a print dialog left open) still get the frame removed.
  setTimeout(remove, 120_000);
  printer.print(win);
  return frame;
}
