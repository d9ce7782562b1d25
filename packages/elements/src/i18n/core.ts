import type { CoreCatalog } from '@veche/core';
import * as ru from '@veche/core/ru';
import type { Messages } from './locale.ts';

/*
 * The domain's words from @veche/core, table by table: Russian in the bundle, English loaded on demand
 * (one chunk for all tables). An element imports the tables it shows, nothing more.
 */

const english = () => import('@veche/core/en');

export const errorTerms: Messages<CoreCatalog['error']> = { ru: ru.error, en: () => english().then((m) => m.error) };
export const phaseTerms: Messages<CoreCatalog['phase']> = { ru: ru.phase, en: () => english().then((m) => m.phase) };
export const statusTerms: Messages<CoreCatalog['status']> = { ru: ru.status, en: () => english().then((m) => m.status) };
export const sourceTerms: Messages<CoreCatalog['source']> = { ru: ru.source, en: () => english().then((m) => m.source) };
export const methodTerms: Messages<CoreCatalog['method']> = { ru: ru.method, en: () => english().then((m) => m.method) };
export const violationTerms: Messages<CoreCatalog['violation']> = {
  ru: ru.violation,
  en: () => english().then((m) => m.violation),
};
