import { createContext } from '@lit/context';
import type { VecheAdapter } from '@veche/core';
import type { ThemeName } from '../styles/themes.ts';

/** What a `<veche-provider>` gives the elements inside it. */
export interface VecheConfig {
  adapter?: VecheAdapter | undefined;
  api?: string | undefined;
  campaign?: string | undefined;
  theme?: ThemeName | undefined;
}

/**
 * A string key rather than a Symbol, so a provider from one copy of Veche also configures elements of
 * another copy on the same page.
 */
export const vecheContext = createContext<VecheConfig | undefined>('veche-config');

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

/** The page-wide campaign from `<meta name="veche:campaign" content="...">`. */
export function pageCampaign(doc: Document = document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[name="veche:campaign"]')?.content.trim() || undefined;
}
