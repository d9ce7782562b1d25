/**
 * The resize reporter of the iframe pages (`/embed/<element>`, `dist/embed-frame.js`): tells the page
 * that frames this one how tall its content is, every time that changes, so that the host snippet
 * (`embed.js`) can make the iframe exactly that tall. An open modal dialog (sign-in, a project's detail,
 * the QR poster) counts too: the frame grows to fit it and shrinks back when it closes. Messages are
 * described in `messages.ts`; a page that is not framed sends nothing.
 */
import { MEASURE, RESIZE, type ResizeMessage } from './messages.ts';

/** Room around a modal dialog: its CSS keeps 1em of the viewport free. */
const DIALOG_ROOM = 24;

/** Open dialogs anywhere in the page, inside shadow roots too. */
function openDialogs(root: Document | ShadowRoot, found: HTMLDialogElement[] = []): HTMLDialogElement[] {
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof HTMLDialogElement && el.open) found.push(el);
    if (el.shadowRoot) openDialogs(el.shadowRoot, found);
  }
  return found;
}

export function startReporter(win: Window = window): () => void {
  const doc = win.document;
  const watched = new WeakSet<HTMLDialogElement>();
  let last = -1;
  let dialogs: HTMLDialogElement[] = [];

  const height = (): number => {
    let need = doc.documentElement.getBoundingClientRect().height;
    for (const d of dialogs) need = Math.max(need, d.scrollHeight + d.offsetHeight - d.clientHeight + DIALOG_ROOM);
    return Math.ceil(need);
  };
  const send = (target: MessageEventSource | null, origin: string) => {
    const message: ResizeMessage = { type: RESIZE, height: (last = height()) };
    (target as Window | null)?.postMessage(message, origin);
  };
  // The parent's origin where the browser tells it (Chromium); the height is no secret elsewhere.
  const parentOrigin = win.location.ancestorOrigins?.[0] ?? '*';
  const report = () => {
    dialogs = openDialogs(doc);
    for (const d of dialogs) {
      if (watched.has(d)) continue;
      watched.add(d);
      observer.observe(d);
      d.addEventListener('close', later);
    }
    if (height() !== last) send(win.parent, parentOrigin);
  };
  let frame = 0;
  const later = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(report);
  };
  const observer = new ResizeObserver(later);
  observer.observe(doc.documentElement);
  // A dialog opens without changing the page's size, inside shadow roots whose events the document does
  // not hear: this page runs nothing but Veche, so its dialogs' own methods say when.
  const proto = (win as Window & typeof globalThis).HTMLDialogElement.prototype;
  const originals = { showModal: proto.showModal, show: proto.show, close: proto.close };
  for (const name of ['showModal', 'show', 'close'] as const) {
    proto[name] = function (this: HTMLDialogElement, ...args: [string?]) {
      originals[name].apply(this, args);
      later();
    };
  }
  const triggers = ['focusin', 'focusout', 'click', 'keyup', 'load'] as const;
  for (const type of triggers) doc.addEventListener(type, later, true);
  const answer = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === MEASURE && event.source) send(event.source, event.origin === 'null' ? '*' : event.origin);
  };
  win.addEventListener('message', answer);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    for (const type of triggers) doc.removeEventListener(type, later, true);
    Object.assign(proto, originals);
    win.removeEventListener('message', answer);
  };
}

if (typeof window !== 'undefined' && window.parent !== window) startReporter();
