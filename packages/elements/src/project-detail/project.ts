import {
  formatCount,
  formatMoney,
  type AdapterCapabilities,
  type Campaign,
  type CoreCatalog,
  type Locale,
  type PhaseId,
  type Project,
  type VecheAdapter,
} from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { ProjectTerms } from './project.i18n.ts';

/*
 * What `veche-project-list` and `veche-project-detail` show of a project the same way: its facts, its
 * status, whether a vote button belongs beside it, and the elements they load on demand.
 */

/** What a fact list needs: what kind of facts, in which words. */
export interface FactOptions {
  t: ProjectTerms;
  locale: Locale;
  /** The detail's full list: address and author too. */
  full?: boolean;
  /** The support or vote count (left out where a vote button shows it). */
  count?: boolean;
}

/** Cost, district, categories (and address, author), and the support or vote count, as label and value. */
export function projectFacts(project: Project, campaign: Campaign, { t, locale, full = false, count = true }: FactOptions): [string, string][] {
  const facts: [string, string][] = [[t.cost, formatMoney(project.cost, locale)]];
  const district = campaign.districts.find((d) => d.id === project.districtId)?.name;
  if (district) facts.push([t.district, district]);
  const names = project.categoryIds.map((id) => campaign.categories.find((c) => c.id === id)?.name ?? id);
  if (names.length) facts.push([t.categories, names.join(', ')]);
  if (full && project.location?.address) facts.push([t.address, project.location.address]);
  if (full && project.authorName) facts.push([t.author, project.authorName]);
  if (count && project.votes !== undefined) facts.push([t.votes, formatCount(project.votes, 'vote', locale)]);
  else if (count && project.supports !== undefined) facts.push([t.support, formatCount(project.supports, 'signature', locale)]);
  return facts;
}

export const renderFacts = (facts: [string, string][]): TemplateResult =>
  html`<dl part="facts" class="facts">
    ${facts.map(([label, value]) => html`<div><dt>${label}</dt> <dd>${value}</dd></div>`)}
  </dl>`;

/** The vote button of a project, for the resident to support it or vote (the element loads on demand). */
export const renderVoteButton = (project: Project, adapter: VecheAdapter | undefined, clock?: () => Date, ballotHref?: string): TemplateResult =>
  html`<veche-vote-button
    part="vote"
    campaign=${project.campaignId}
    project=${project.id}
    ballot-href=${ballotHref ?? nothing}
    .adapter=${adapter}
    .clock=${clock}
  ></veche-vote-button>`;

export const renderStatus = (project: Project, status: CoreCatalog['status']): TemplateResult =>
  html`<span part="status" class="status" data-status=${project.status}>${status[project.status]}</span>`;

/**
 * Whether a vote button belongs beside the project now: the support phase is open and the project collects
 * signatures, or voting is open and the project is on the ballot (the vote button's own rules, here without
 * loading it). With `oneClick`, voting must also be possible with one click, not only in the ballot, as a
 * list of cards needs.
 */
export function votable(campaign: Campaign, project: Project, can: AdapterCapabilities, now: Date, oneClick = false): boolean {
  // phaseState(…) === 'open', without the rest of core's phase rules in this entry.
  const t = now.getTime();
  const open = (id: PhaseId) => campaign.phases.some((p) => p.id === id && Date.parse(p.start) <= t && t < Date.parse(p.end));
  const { status } = project;
  if (open('support')) return can.support && (status === 'published' || status === 'shortlisted');
  const { method } = campaign.votingRules;
  return can.ballot && status === 'shortlisted' && open('voting') && (!oneClick || method === 'approval' || method === 'single');
}

