import { VecheError } from '../adapter/errors.ts';
import { normalizeContact } from '../domain/contact.ts';
import { PHASE_IDS } from '../domain/values.ts';
import { campaignYear, enteredYear, liveYear, noParticipation, participationReport, type RecordedParticipation } from '../reporting/participation.ts';
import { compareUpdates, pageUpdates, phaseUpdate } from '../reporting/updates.ts';
import type { Campaign } from '../schemas/campaign.ts';
import {
  ParticipationEntry,
  UpdateItem,
  UpdateQuery,
  type ParticipationReport,
  type UpdatePage,
} from '../schemas/reporting.ts';
import { parseWith } from '../schemas/validate.ts';
import type { MemoryFixture } from './demo.ts';

/** What the MemoryAdapter recorded of one campaign's residents, for the participation report. */
export interface MemoryRecords {
  /** Ideas sent through the adapter, with the author's contact (kept private, used only to count people once). */
  ideas: { author: { name?: string | undefined; email?: string | undefined; phone?: string | undefined } }[];
  /** Residents who support a project of the campaign now. */
  supporters: Iterable<string>;
  /** Residents who submitted a ballot through the adapter. */
  voters: Iterable<string>;
  /** Ballots loaded with the fixture (paper ballots, other residents): the offline channel. */
  loadedBallots: number;
  /** Residents who commented, when the adapter keeps comments. */
  commenters?: Iterable<string>;
}

/** Distinct residents per action and in anything; people who sent an idea without signing in count by their contact. */
export function recordedParticipation(records: MemoryRecords): RecordedParticipation {
  const out = noParticipation();
  const authors = new Set<string>();
  records.ideas.forEach((idea, i) => {
    const contact = normalizeContact(idea.author.email ?? '') ?? normalizeContact(idea.author.phone ?? '');
    authors.add(contact ? `contact:${contact}` : `idea:${i}`);
  });
  const supporters = new Set(records.supporters);
  const voters = new Set(records.voters);
  const commenters = new Set(records.commenters ?? []);
  out.actions.ideas.online = authors.size;
  out.actions.support.online = supporters.size;
  out.actions.votes.online = voters.size;
  out.actions.votes.offline = records.loadedBallots;
  out.actions.comments.online = commenters.size;
  out.participants.online = new Set([...authors, ...supporters, ...voters, ...commenters]).size;
  out.participants.offline = records.loadedBallots;
  return out;
}

/**
 * The MemoryAdapter's news and participation report: the fixture's news items, an item for each phase
 * that has begun by the adapter's clock, the fixture's entered participation figures and the live ones.
 */
export class MemoryReporting {
  readonly #updates = new Map<string, UpdateItem[]>();
  readonly #entries = new Map<string, Map<number, ParticipationEntry>>();

  /** Takes a fixture's news and entered participation figures. */
  load(fixture: Pick<MemoryFixture, 'updates' | 'participation'>, campaign: Campaign): void {
    const items = (fixture.updates ?? []).map((input) => {
      const item = parseWith(UpdateItem, input, `update ${input.id}`);
      if (item.campaignId !== campaign.id) throw new VecheError('invalid-input', `Update ${item.id} belongs to another campaign`);
      return { ...item, date: new Date(item.date).toISOString() };
    });
    this.#updates.set(campaign.id, items);
    const entries = new Map<number, ParticipationEntry>();
    for (const [year, entry] of Object.entries(fixture.participation ?? {})) {
      entries.set(Number(year), parseWith(ParticipationEntry, entry, `participation ${year}`));
    }
    this.#entries.set(campaign.id, entries);
  }

  /** A page of news, newest first: the stored items and one for each phase begun by `now`. */
  listUpdates(campaign: Campaign, input: UpdateQuery, now: Date, projectExists: (id: string) => boolean): UpdatePage {
    const query = parseWith(UpdateQuery, input, 'update query');
    if (query.project !== undefined && !projectExists(query.project)) throw new VecheError('not-found', `There is no project ${query.project}`);
    const phases = query.project
      ? []
      : campaign.phases.filter((p) => Date.parse(p.start) <= now.getTime() && PHASE_IDS.includes(p.id)).map((p) => phaseUpdate(campaign, p.id, p.start));
    const stored = (this.#updates.get(campaign.id) ?? []).filter(
      (item) => Date.parse(item.date) <= now.getTime() && (query.project === undefined || item.projectId === query.project),
    );
    const all = [...stored, ...phases].sort(compareUpdates);
    return structuredClone(pageUpdates(all, query.cursor, query.limit ?? 10));
  }

  /** The campaign's report: its live year (records + what was entered for it) and the other years entered. */
  participation(campaign: Campaign, records: MemoryRecords, others: { campaign: Campaign; records: MemoryRecords }[]): ParticipationReport {
    const entries = this.#entries.get(campaign.id) ?? new Map<number, ParticipationEntry>();
    const live = (c: Campaign, r: MemoryRecords) => liveYear(c, recordedParticipation(r), this.#entries.get(c.id)?.get(campaignYear(c)));
    const entered = [...entries].map(([year, entry]) => enteredYear(year, entry, campaign.municipality));
    const sameTown = others.filter((o) => o.campaign.id !== campaign.id && o.campaign.municipality === campaign.municipality);
    return structuredClone(participationReport(campaign, live(campaign, records), entered, sameTown.map((o) => live(o.campaign, o.records))));
  }
}
