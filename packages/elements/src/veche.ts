/**
 * The one-script-tag embed bundle (`dist/veche.js`). It defines each Veche element the first time its tag
 * appears in the page (now or later: it watches the document), so a page downloads only the elements it
 * uses; Lit and the shared base come once, in a chunk they share. Inside shadow roots of your own, call
 * `load('veche-…')` or `loadAll()`. Apps built with a bundler import `@veche/elements/all` instead.
 */
import { defineLazily } from './base/define-lazily.ts';

const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'veche-provider': () => import('./provider/define.ts'),
  'veche-vote-button': () => import('./vote-button/define.ts'),
  'veche-progress-meter': () => import('./progress-meter/define.ts'),
  'veche-idea-form': () => import('./idea-form/define.ts'),
  'veche-project-list': () => import('./project-list/define.ts'),
  'veche-project-detail': () => import('./project-detail/define.ts'),
  'veche-project-map': () => import('./project-map/define.ts'),
  'veche-budget-ballot': () => import('./budget-ballot/define.ts'),
  'veche-results': () => import('./results/define.ts'),
  'veche-share': () => import('./share/define.ts'),
  'veche-sign-in': () => import('./sign-in/define.ts'),
  'veche-comments': () => import('./comments/define.ts'),
  'veche-poll': () => import('./poll/define.ts'),
  'veche-updates': () => import('./updates/define.ts'),
  'veche-participation': () => import('./participation/define.ts'),
};

const requested = new Set<string>();

/** Defines one element now (resolves when it is defined); `veche-error`s of a failed download go to the console. */
export function load(tag: string): Promise<unknown> {
  const loader = ELEMENTS[tag];
  if (!loader) return Promise.reject(new RangeError(`<${tag}> is not a Veche element`));
  requested.add(tag);
  return defineLazily(tag, loader);
}

/** Defines every element now. */
export const loadAll = (): Promise<unknown[]> => Promise.all(Object.keys(ELEMENTS).map(load));

function scan(node: Element | Document): void {
  if (node instanceof Element && node.localName in ELEMENTS && !requested.has(node.localName)) void load(node.localName).catch(console.error);
  const waiting = Object.keys(ELEMENTS).filter((tag) => !requested.has(tag));
  if (waiting.length === 0) return;
  for (const found of node.querySelectorAll(waiting.join(','))) {
    if (!requested.has(found.localName)) void load(found.localName).catch(console.error);
  }
}

if (typeof document !== 'undefined') {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

export { configure } from './config/context.ts';
export { pageApi, resolveAdapter } from './config/resolve-adapter.ts';
export { setMessages } from './i18n/locale.ts';
export const version = '0.1.0';
