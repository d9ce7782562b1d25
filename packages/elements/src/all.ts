/**
 * Every element, defined at once (`@veche/elements/all`, `dist/veche-all.js`): what apps built with a
 * bundler (React, Vue) import, so the elements are defined before the framework renders them. Plain
 * pages use `veche.js`, which loads each element when its tag appears.
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
import './comments/define.ts';
import './poll/define.ts';
import './updates/define.ts';
import './participation/define.ts';

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
export { VecheComments } from './comments/comments.ts';
export { VechePoll } from './poll/poll.ts';
export { VecheUpdates } from './updates/updates.ts';
export { VecheParticipation } from './participation/participation.ts';
export { configure } from './config/context.ts';
export { pageApi, resolveAdapter } from './config/resolve-adapter.ts';
export { setMessages } from './i18n/locale.ts';
export { formatCount, formatMoney, formatShare } from '@veche/core';
export const version = '0.1.0';
