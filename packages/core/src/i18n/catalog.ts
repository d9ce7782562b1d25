import type { VecheErrorCode } from '../adapter/errors.ts';
import type { FundingSource, PhaseId, ProjectStatus, ViolationCode, VotingMethod } from '../domain/values.ts';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Word forms by plural category; `other` is always there. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type Noun = 'project' | 'vote' | 'supporter' | 'signature' | 'resident' | 'point' | 'ballot' | 'day' | 'hour' | 'minute' | 'idea';

/**
 * The domain's words in one language. Templates use `{name}` placeholders that `fill` replaces.
 */
export interface CoreCatalog {
  phase: Record<PhaseId, string>;
  status: Record<ProjectStatus, string>;
  source: Record<FundingSource, string>;
  method: Record<VotingMethod, string>;
  /** Messages for each error code, for a resident. */
  error: Record<VecheErrorCode, string>;
  /**
   * One sentence per violated rule. Placeholders: `{limit}`, `{actual}` (money or counts, already
   * formatted), `{project}` (the project's title).
   */
  violation: Record<ViolationCode, string>;
}
