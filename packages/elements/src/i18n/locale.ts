import { resolveLocale, type Locale } from '@veche/core';

/**
 * The language of an element: its own `lang`, else the nearest ancestor's (crossing shadow roots), else
 * `<html lang>`. Russian unless that says English.
 */
export function localeOf(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return resolveLocale(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return resolveLocale(document.documentElement.lang);
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/** Calls `listener` whenever a `lang` attribute changes anywhere in the document. */
export function onLangChange(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/**
 * An element's texts: Russian inline (the default language ships in the element's file), English inline
 * or loaded on demand (`en: () => import('./x.i18n.en.ts').then((m) => m.en)`), so Russian pages never
 * download it.
 */
export type Messages<T> = { ru: T; en: T | (() => Promise<T>) };

const loaded = new WeakMap<() => Promise<unknown>, unknown>();
const loading = new Map<() => Promise<unknown>, Promise<unknown>>();

/** The table of a language now, or a promise of it while it loads. */
export function tableFor<T>(messages: Messages<T>, locale: Locale): T | Promise<T> {
  const entry = messages[locale];
  if (typeof entry !== 'function') return entry;
  const table = entry as () => Promise<T>;
  const done = loaded.get(table);
  if (done) return done as T;
  let pending = loading.get(table) as Promise<T> | undefined;
  if (!pending) {
    pending = table().then((value) => {
      loaded.set(table, value);
      loading.delete(table);
      return value;
    });
    loading.set(table, pending);
  }
  return pending;
}

const overrides = new Map<string, Partial<Record<Locale, Record<string, unknown>>>>();

/**
 * Replaces some of an element's texts for the whole page:
 * `setMessages('veche-vote-button', 'ru', { support: 'Я за!' })`.
 */
export function setMessages(tag: string, locale: Locale, terms: Record<string, unknown>): void {
  const current = overrides.get(tag) ?? {};
  current[locale] = { ...current[locale], ...terms };
  overrides.set(tag, current);
}

/** An element's table of terms with the page's and the instance's overrides applied. */
export function termsFor<T extends object>(tag: string, table: T, locale: Locale, own?: Partial<T>): T {
  const page = overrides.get(tag)?.[locale] as Partial<T> | undefined;
  return page || own ? { ...table, ...page, ...own } : table;
}

/** Ends a sentence with a full stop unless it already ends with one: Russian dates end in «г.». */
export const sentence = (text: string): string => (/[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`);
