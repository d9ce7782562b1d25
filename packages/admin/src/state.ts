// What every screen shares: the language, the signed-in staff member, navigation and announcements.
import type { Locale } from '@veche/core';
import { tokenSheet, type ThemeName } from '@veche/elements/styles/themes';
import { en } from './i18n.en.ts';
import { ru, type Terms } from './i18n.ts';
import type { Role, StaffView } from './types.ts';

type Listener = () => void;

class ConsoleState {
  #listeners = new Set<Listener>();
  locale: Locale = (localStorage.getItem('veche-admin-locale') as Locale | null) === 'en' ? 'en' : 'ru';
  theme: Exclude<ThemeName, 'auto'> = (['light', 'dark', 'contrast'] as const).find((t) => t === localStorage.getItem('veche-admin-theme')) ?? 'light';
  me: StaffView | null = null;
  /** The last politely announced message (the app's live region reads it). */
  message = '';
  messageKind: 'info' | 'error' = 'info';

  get t(): Terms {
    return this.locale === 'en' ? en : ru;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  changed(): void {
    this.#listeners.forEach((l) => l());
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    localStorage.setItem('veche-admin-locale', locale);
    document.documentElement.lang = locale;
    document.title = this.t.app.title;
    this.changed();
  }

  setTheme(theme: Exclude<ThemeName, 'auto'>): void {
    this.theme = theme;
    localStorage.setItem('veche-admin-theme', theme);
    applyTheme(theme);
    this.changed();
  }

  announce(message: string, kind: 'info' | 'error' = 'info'): void {
    // A repeated message is read again: clear first, then set.
    this.message = '';
    this.changed();
    queueMicrotask(() => {
      this.message = message;
      this.messageKind = kind;
      this.changed();
    });
  }

  can(...roles: Role[]): boolean {
    return this.me !== null && roles.includes(this.me.role);
  }
}

let sheet: CSSStyleSheet | undefined;
/** The theme's tokens on the whole page: every element and screen reads them. */
export function applyTheme(theme: Exclude<ThemeName, 'auto'>): void {
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(tokenSheet(theme));
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.documentElement.dataset['theme'] = theme;
}

export const state = new ConsoleState();

/** Goes to a screen of the console (`#/c/demo/ideas`). */
export const navigate = (path: string): void => {
  location.hash = `#${path}`;
};
