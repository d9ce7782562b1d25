import {
  findPhase,
  phaseState,
  type AdapterCapabilities,
  type Ballot,
  type Campaign,
  type Identity,
  type PhaseState,
  type Project,
  type SupportState,
} from '@veche/core';
import { dialogMethods } from '../sign-in/sign-in.types.ts';
import type { Access, Mark, VoteMode } from './vote-button.types.ts';

/** Everything the button shows, as loaded from the adapter. */
export interface VoteView {
  project: Project;
  campaign: Campaign;
  identity: Identity | null;
  capabilities: AdapterCapabilities;
  /** The resident's support and the count (support mode). */
  support?: SupportState | undefined;
  /** The resident's ballot (vote mode, signed in by an accepted method); null when there is none. */
  ballot?: Ballot | null | undefined;
}

/** Which phase the button is about, and where the campaign stands in it. */
export interface Stage {
  mode: VoteMode;
  state: PhaseState;
  start?: string | undefined;
  end?: string | undefined;
}

/**
 * The support phase while it is open or still ahead, the voting phase while it is open or over; between
 * the two, voting for projects on the ballot and the closed support phase for the others.
 */
export function stageOf(campaign: Campaign, project: Project, now: Date): Stage {
  const support = phaseState(campaign, 'support', now);
  const voting = phaseState(campaign, 'voting', now);
  let mode: VoteMode;
  if (support === 'open') mode = 'support';
  else if (voting === 'open' || voting === 'closed') mode = 'vote';
  else if (voting === 'absent' || support === 'upcoming') mode = 'support';
  else if (support === 'absent') mode = 'vote';
  else mode = project.status === 'shortlisted' ? 'vote' : 'support';
  const phase = findPhase(campaign, mode === 'support' ? 'support' : 'voting');
  return { mode, state: mode === 'support' ? support : voting, start: phase?.start, end: phase?.end };
}

const includes = (ballot: Ballot, projectId: string) => ballot.selection.some((s) => s.projectId === projectId);

/** The resident's state for the project. */
export function markOf(mode: VoteMode, view: Pick<VoteView, 'support' | 'ballot' | 'project'>): Mark {
  if (mode === 'support') {
    const state = view.support?.state;
    return state === 'supported' ? 'done' : state === 'withdrawn' ? 'withdrawn' : 'none';
  }
  const ballot = view.ballot;
  if (!ballot || !includes(ballot, view.project.id)) return 'none';
  return ballot.status === 'submitted' ? 'done' : 'withdrawn';
}

/** A submitted ballot that names other projects but not this one (single vote: the vote is elsewhere). */
export function votedElsewhere(view: Pick<VoteView, 'ballot' | 'project'>): boolean {
  const ballot = view.ballot;
  return !!ballot && ballot.status === 'submitted' && ballot.selection.length > 0 && !includes(ballot, view.project.id);
}

/**
 * Whether one click can cast a valid vote: approval or single voting where a one-project ballot is
 * allowed. Approval without re-voting would freeze the ballot at its first project, so it votes in the
 * ballot instead, as knapsack and cumulative voting do.
 */
export function buttonVotes(campaign: Campaign): boolean {
  const rules = campaign.votingRules;
  if (rules.method !== 'approval' && rules.method !== 'single') return false;
  if ((rules.minProjects ?? 0) > 1) return false;
  return rules.method === 'single' || campaign.allowRevote || rules.maxProjects === 1;
}

/** Whether the project takes part in this phase. */
export function eligible(mode: VoteMode, project: Project): boolean {
  return mode === 'support' ? project.status === 'published' || project.status === 'shortlisted' : project.status === 'shortlisted';
}

/** Whether the backend can do the action at all (a read-only backend cannot). */
export function canAct(mode: VoteMode, capabilities: AdapterCapabilities): boolean {
  return mode === 'support' ? capabilities.support : capabilities.ballot;
}

export const signInAction = (mode: VoteMode) => (mode === 'support' ? 'support' : 'voting');

/** Whether the resident may act now, or must sign in, or cannot. */
export function accessOf(mode: VoteMode, view: VoteView): Access {
  const action = signInAction(mode);
  const accepted = view.campaign.signIn[action];
  const viaDialog = dialogMethods(accepted, view.capabilities.signIn).length > 0;
  const identity = view.identity;
  if (!identity) return viaDialog ? 'sign-in' : 'host-only';
  if (!accepted.includes(identity.method)) return viaDialog ? 'wrong-method' : 'not-allowed';
  const permissions = identity.campaigns[view.campaign.id];
  if (permissions && !permissions[mode]) return 'not-allowed';
  return 'ok';
}
