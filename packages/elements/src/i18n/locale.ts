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

/** Per-element terms in both languages. */
export type Messages<T> = Record<Locale, T>;

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

/** An element's terms in a language, with the page's and the instance's overrides applied. */
export function termsFor<T extends object>(tag: string, messages: Messages<T>, locale: Locale, own?: Partial<T>): T {
  const page = overrides.get(tag)?.[locale] as Partial<T> | undefined;
  return page || own ? { ...messages[locale], ...page, ...own } : messages[locale];
}
