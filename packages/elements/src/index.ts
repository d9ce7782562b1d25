/**
 * @veche/elements without side effects: the classes, configuration and types. Import
 * `@veche/elements/all` (or `dist/veche.js`) to define every element, or `@veche/elements/<name>` for one.
 */
export { VecheElement, type EmitOptions } from './base/veche-element.ts';
export { VecheWidget, setupError, type SetupProblem } from './base/veche-widget.ts';
export { VecheProvider } from './provider/provider.ts';
export { configure, pageCampaign, vecheContext, type VecheConfig } from './config/context.ts';
export { pageApi, resolveAdapter } from './config/resolve-adapter.ts';
export { setMessages, type Messages } from './i18n/locale.ts';
export { THEME_NAMES, tokenSheet, type ThemeName } from './styles/themes.ts';
export type {
  VecheErrorDetail,
  VecheIdeaSubmitDetail,
  VecheSignInDetail,
  VecheVoteDetail,
  VecheVoteRequestDetail,
  VoteAction,
} from './events/events.ts';
