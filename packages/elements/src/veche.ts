/**
 * The one-file embed bundle (`dist/veche.js`): defines every Veche element and exposes the configuration
 * helpers as `import { configure } from '…/veche.js'`. Each element also has its own entry
 * (`dist/veche-<name>.js`) for pages that use only one.
 */
import './provider/define.ts';
import './sign-in/define.ts';
import './vote-button/define.ts';
import './progress-meter/define.ts';
import './idea-form/define.ts';
import './results/define.ts';
import './share/define.ts';
import './project-detail/define.ts';
import './project-list/define.ts';
import './budget-ballot/define.ts';
// The map element is small; its Leaflet part loads only when a map is drawn (chunks/project-map.leaflet-*.js).
import './project-map/define.ts';

export { VecheElement } from './base/veche-element.ts';
export { VecheProvider } from './provider/provider.ts';
export { VecheSignIn } from './sign-in/sign-in.ts';
export { VecheVoteButton } from './vote-button/vote-button.ts';
export { VecheProgressMeter } from './progress-meter/progress-meter.ts';
export { VecheIdeaForm } from './idea-form/idea-form.ts';
export { VecheResults } from './results/results.ts';
export { VecheShare } from './share/share.ts';
export { VecheProjectDetail } from './project-detail/project-detail.ts';
export { VecheProjectList } from './project-list/project-list.ts';
export { VecheBudgetBallot } from './budget-ballot/budget-ballot.ts';
export { VecheProjectMap } from './project-map/project-map.ts';
export { configure } from './config/context.ts';
export { pageApi, resolveAdapter } from './config/resolve-adapter.ts';
export { setMessages } from './i18n/locale.ts';
export { formatCount, formatMoney, formatShare } from '@veche/core';
export const version = '0.1.0';
