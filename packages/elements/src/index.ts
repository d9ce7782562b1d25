/**
 * @veche/elements without side effects: the classes, configuration and types. Import
 * `@veche/elements/all` to define every element, `@veche/elements/<name>` for one, or load `dist/veche.js`.
 */
export { VecheElement, type EmitOptions } from './base/veche-element.ts';
export { VecheWidget, setupError, type SetupProblem } from './base/veche-widget.ts';
export { VecheProvider } from './provider/provider.ts';
export { VecheSignIn } from './sign-in/sign-in.ts';
export { VecheVoteButton } from './vote-button/vote-button.ts';
export { VecheProgressMeter } from './progress-meter/progress-meter.ts';
export { VecheIdeaForm } from './idea-form/idea-form.ts';
export { VecheProjectList } from './project-list/project-list.ts';
export { VecheProjectDetail } from './project-detail/project-detail.ts';
export { VecheProjectMap } from './project-map/project-map.ts';
export { VecheBudgetBallot } from './budget-ballot/budget-ballot.ts';
export { VecheResults } from './results/results.ts';
export { VecheShare } from './share/share.ts';
export { configure, pageCampaign, vecheContext, type VecheConfig } from './config/context.ts';
export { pageApi, resolveAdapter } from './config/resolve-adapter.ts';
export { onSharedFilters, shareFilters, type ProjectFilters, type VecheFilterChangeDetail } from './config/filters.ts';
export { projectFromHash, projectHash } from './config/project-link.ts';
export { setMessages, type Messages } from './i18n/locale.ts';
export { THEME_NAMES, tokenSheet, type ThemeName } from './styles/themes.ts';
export type {
  VecheErrorDetail,
  VecheIdeaSubmitDetail,
  VecheLocationDetail,
  VecheSignInDetail,
  VecheVoteDetail,
  VecheVoteRequestDetail,
  VoteAction,
} from './events/events.ts';
export type { VecheBallotChangeDetail, VecheBallotSubmitDetail, VecheBallotSubmitRequestDetail } from './budget-ballot/budget-ballot.types.ts';
export type { VecheProjectDetailEventDetail, VecheProjectSelectDetail } from './project-detail/project-detail.types.ts';
export type { VecheShareDetail } from './share/share.ts';
