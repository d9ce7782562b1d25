import type { Violation } from '../rules/check-ballot.ts';
import type { CoreCatalog, Locale } from './catalog.ts';
import { en } from './en.ts';
import { formatViolation } from './format.ts';
import { ru } from './ru.ts';

/*
 * Both languages at once, for the server, tests and tools (`@veche/core/i18n`). Browser bundles import
 * `@veche/core/ru` and load `@veche/core/en` on demand instead, so this module stays out of them.
 */

export { en, ru };

/** Every domain term of a language in one object. */
export const coreCatalog = (locale: Locale): CoreCatalog => (locale === 'en' ? en : ru);

/** One violation as a sentence for the resident, in the language of the catalog given. */
export function explainViolation(
  violation: Violation,
  locale: Locale = 'ru',
  projectTitle: (id: string) => string | undefined = () => undefined,
): string {
  return formatViolation(violation, locale, coreCatalog(locale).violation, projectTitle);
}
