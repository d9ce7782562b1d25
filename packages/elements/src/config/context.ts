import type { VecheAdapter } from '@veche/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeName } from '../styles/themes.ts';

/** What a `<veche-provider>` gives the elements inside it. */
export interface VecheConfig {
  adapter?: VecheAdapter | undefined;
  api?: string | undefined;
  campaign?: string | undefined;
  theme?: ThemeName | undefined;
  /** Milliseconds the HTTP adapter waits for an answer, per attempt (15000). */
  timeout?: number | undefined;
  /** Extra attempts of a read after a network failure, a timeout or a server error (2). */
  retries?: number | undefined;
}

const FIELDS = ['adapter', 'api', 'campaign', 'theme', 'timeout', 'retries'] as const;

/**
 * The context key. A string rather than a Symbol, so a provider from one copy of Veche also configures
 * elements of another copy on the same page.
 */
export const vecheContext = 'veche-config';

type Callback = (value: VecheConfig, unsubscribe: () => void) => void;

/**
 * The community context protocol's request (the event @lit/context uses too), kept to the few lines
 * Veche needs: an element asks, the nearest provider above it answers now and on every change.
 */
class ContextRequestEvent extends Event {
  constructor(
    readonly context: string,
    readonly contextTarget: Element,
    readonly callback: Callback,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** The enclosing `<veche-provider>` element, defined or not, crossing shadow roots. */
function providerAbove(element: Element): Element | null {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'veche-provider') return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * Asks the nearest provider for its configuration and keeps it up to date. A provider whose script
 * loads after the element (separate entries, any order) answers once it is defined.
 */
export class ConfigConsumer implements ReactiveController {
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly receive: (config: VecheConfig | undefined) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#request() || !providerAbove(this.host)) return;
    void customElements.whenDefined('veche-provider').then(() => {
      if (this.host.isConnected && !this.#unsubscribe) this.#request();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.receive(undefined);
  }

  /** Returns whether a provider answered. */
  #request(): boolean {
    let answered = false;
    this.host.dispatchEvent(
      new ContextRequestEvent(
        vecheContext,
        this.host,
        (value, unsubscribe) => {
          if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
          this.#unsubscribe = unsubscribe;
          answered = true;
          this.receive(value);
        },
        true,
      ),
    );
    return answered;
  }
}

/** Answers the requests of the elements inside `host` and tells them of every change. */
export class ConfigProvider {
  readonly #subscribers = new Map<Callback, () => void>();
  #value: VecheConfig = {};

  constructor(host: Element) {
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequestEvent;
      if (request.context !== vecheContext || request.contextTarget === host) return;
      event.stopPropagation();
      const unsubscribe = () => this.#subscribers.delete(request.callback);
      if (request.subscribe) this.#subscribers.set(request.callback, unsubscribe);
      request.callback(this.#value, unsubscribe);
    });
  }

  /** Sets the configuration; the elements inside hear of it only when a field changed. */
  set value(value: VecheConfig) {
    const old = this.#value;
    if (FIELDS.every((k) => Object.is(old[k], value[k]))) return;
    this.#value = value;
    for (const [callback, unsubscribe] of this.#subscribers) callback(value, unsubscribe);
  }
}

let pageConfig: VecheConfig = {};
const listeners = new Set<() => void>();

/** Page-wide defaults for every element without its own or a provider's: `Veche.configure({ api })`. */
export function configure(config: VecheConfig): void {
  pageConfig = { ...pageConfig, ...config };
  listeners.forEach((l) => l());
}

export const pageDefaults = (): VecheConfig => pageConfig;

export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The content of `<meta name="veche:<name>" content="...">`, trimmed, if the page has one. */
export const pageMeta = (name: string, doc: Document = document): string | undefined =>
  doc.querySelector<HTMLMetaElement>(`meta[name="veche:${name}"]`)?.content.trim() || undefined;

/** The page-wide campaign from `<meta name="veche:campaign" content="...">`. */
export const pageCampaign = (doc: Document = document): string | undefined => pageMeta('campaign', doc);
