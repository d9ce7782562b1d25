/**
 * The host snippet (`dist/embed.js`, under 1 kB): makes every `<iframe data-veche>` on the page as tall
 * as the Veche page inside it, now and whenever that changes (iframes added later too). It believes a
 * `veche:resize` message only from the window of such an iframe, and only when the message comes from
 * the origin of the iframe's `src`: a frame that navigated elsewhere, another frame or the page itself
 * cannot resize anything. Works as a classic or a module script; without it the iframes keep their own
 * height and scroll. Messages: `messages.ts`.
 */
import { MEASURE, RESIZE } from './messages.ts';

const SELECTOR = 'iframe[data-veche]';

const measure = (frame: Element) => {
  // '*': the frame may still be about:blank; the question is no secret, the answer is checked.
  if (frame instanceof HTMLIFrameElement && frame.matches(SELECTOR)) frame.contentWindow?.postMessage({ type: MEASURE }, '*');
};

addEventListener('message', (event) => {
  const height = (event.data as { type?: unknown; height?: unknown } | null)?.height;
  if ((event.data as { type?: unknown } | null)?.type !== RESIZE || typeof height !== 'number' || !(height >= 0 && height < 1e5)) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) {
    if (frame.contentWindow === event.source && event.origin !== 'null' && new URL(frame.src, location.href).origin === event.origin) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  }
});
document.querySelectorAll(SELECTOR).forEach(measure);
// An iframe's load does not bubble, but the document sees it while capturing.
document.addEventListener('load', (event) => measure(event.target as Element), true);
