/**
 * @veche/core: the domain of participatory budgeting, shared by the browser and the server.
 * No DOM, no Lit. Schemas (zod/mini) are exported here and from `@veche/core/schemas`; a bundle that
 * imports only functions and types does not carry them.
 */
export * from './domain/values.ts';
export { seededRandom, hashString } from './domain/random.ts';
export { sniffImage, IMAGE_TYPES, type ImageInfo, type ImageType } from './domain/image.ts';
export { maskContact, normalizeCode, normalizeContact } from './domain/contact.ts';

export * from './schemas/index.ts';

export {
  checkBallot,
  projectLimits,
  minimumSpend,
  type BallotCheck,
  type BallotProject,
  type CheckBallotOptions,
  type Violation,
} from './rules/check-ballot.ts';
export { checkIdea, ideaToProject, invalidIdea, type IdeaIssue, type IdeaIssueCode } from './rules/check-idea.ts';
export {
  currentPhase,
  effectiveRules,
  findPhase,
  movePhases,
  phaseState,
  requirePhase,
  requireResultsPublished,
  resultsPublished,
  rulesLocked,
  votesVisible,
  type PhaseState,
} from './rules/phases.ts';
export { supportThreshold } from './rules/support.ts';
export * from './domain/discussion.ts';
export {
  arrangeComments,
  checkComment,
  commentPolicy,
  discussionPolicy,
  editableUntil,
  invalidComment,
  nameConsentVersion,
  presentComment,
  publicName,
  requireDiscussant,
  requireEditable,
  visibleTo,
  type CommentIssue,
  type CommentIssueCode,
  type StoredComment,
  type Viewer,
} from './rules/comments.ts';
export { checkPollAnswer, maxChoices, pollResultsVisible, pollState, requirePollOpen, tallyPoll, type PollIssue, type PollIssueCode } from './rules/polls.ts';

export { PARTICIPATION_ACTIONS, UPDATE_KINDS, type ParticipationAction, type UpdateKind } from './reporting/values.ts';
export {
  campaignYear,
  channelTotal,
  enteredYear,
  liveYear,
  noParticipation,
  participationReport,
  participationShares,
  type RecordedParticipation,
} from './reporting/participation.ts';
export {
  compareUpdates,
  completedMilestones,
  milestoneUpdate,
  pageUpdates,
  phaseUpdate,
  projectLink,
  readUpdateCursor,
  updateCursor,
} from './reporting/updates.ts';
export { csvField, participationCsv, type ParticipationCsvTerms } from './reporting/participation-csv.ts';

export { computeResults, type ComputedResults, type ResultsInput } from './results/compute-results.ts';
export { campaignResults } from './results/campaign-results.ts';

export { parsePabulib, toPabulib, type PabulibData, type PabulibProject, type PabulibVote } from './pabulib/pabulib.ts';
export {
  campaignToPabulib,
  rulesFromPabulibMeta,
  selectionFromPabulibVote,
  type PabulibExportInput,
} from './pabulib/campaign.ts';

export { FULL_CAPABILITIES, type AdapterCapabilities, type CallOptions, type LiveEvent, type MutationOptions, type VecheAdapter } from './adapter/adapter.ts';
export {
  ERROR_CODES,
  ERROR_STATUS,
  VecheError,
  isAbort,
  isErrorCode,
  isVecheError,
  throwIfAborted,
  type ErrorBody,
  type VecheErrorCode,
  type VecheErrorOptions,
} from './adapter/errors.ts';

export { LOCALES, type CoreCatalog, type Locale, type Noun, type PluralForms } from './i18n/catalog.ts';
export { INTL_TAGS, NOUNS } from './i18n/nouns.ts';
export {
  fill,
  formatCount,
  formatDate,
  formatMoney,
  formatNumber,
  formatRelative,
  formatShare,
  formatViolation,
  pluralCategory,
  pluralForm,
  resolveLocale,
  roundShare,
  type DateStyle,
} from './i18n/format.ts';
