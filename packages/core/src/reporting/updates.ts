import { VecheError } from '../adapter/errors.ts';
import { hashString } from '../domain/random.ts';
import type { PhaseId } from '../domain/values.ts';
import type { Campaign } from '../schemas/campaign.ts';
import type { Milestone, Project } from '../schemas/project.ts';
import type { UpdateItem, UpdatePage } from '../schemas/reporting.ts';

/*
 * News items the backend makes by itself (a phase began, a milestone was completed), the order of items
 * and their cursors: the same for the MemoryAdapter and the reference server. The texts are Russian, the
 * language of the campaigns' own data (titles, descriptions), and go into the Atom feed as they are.
 */

const PHASE_NEWS: Record<PhaseId, { title: string; text: string }> = {
  ideas: { title: 'Начался сбор идей', text: 'Предложите, что сделать в вашем районе: лучшие идеи станут проектами.' },
  support: { title: 'Началась поддержка идей', text: 'Поддержите идеи, которые вам нравятся: проекты с достаточной поддержкой пройдут дальше.' },
  review: { title: 'Идеи на экспертизе', text: 'Администрация проверяет стоимость и выполнимость проектов.' },
  voting: { title: 'Началось голосование', text: 'Выберите проекты, которые город реализует в этом году.' },
  results: { title: 'Подведены итоги голосования', text: 'Проекты-победители определены.' },
  implementation: { title: 'Началась реализация проектов', text: 'Следите, как проекты-победители воплощаются в жизнь.' },
};

/** The address of a project on the campaign's page: `…#veche-project=<id>`, which the list and map open. */
export function projectLink(campaignUrl: string | undefined, projectId: string): string | undefined {
  if (!campaignUrl) return undefined;
  return `${campaignUrl.replace(/#.*$/, '')}#veche-project=${encodeURIComponent(projectId)}`;
}

/** The item for a phase that began at `start`; its id is the same however often it is made. */
export function phaseUpdate(campaign: Pick<Campaign, 'id' | 'url'>, phase: PhaseId, start: string): UpdateItem {
  const date = new Date(start).toISOString();
  return {
    id: `phase-${phase}-${Date.parse(date).toString(36)}`,
    campaignId: campaign.id,
    kind: 'phase',
    phase,
    title: PHASE_NEWS[phase].title,
    text: PHASE_NEWS[phase].text,
    date,
    photos: [],
    ...(campaign.url ? { link: campaign.url } : {}),
  };
}

/** The item for a milestone of a project completed at `date`: one id per milestone. */
export function milestoneUpdate(campaign: Pick<Campaign, 'url'>, project: Pick<Project, 'id' | 'campaignId' | 'title'>, milestone: Milestone, date: string): UpdateItem {
  const link = projectLink(campaign.url, project.id);
  const title = `${project.title}: ${milestone.title}`;
  return {
    id: `ms-${hashString(`${project.id}\u0000${milestone.id}`).toString(36)}-${hashString(`${project.id}/${milestone.id}`, 7).toString(36)}`,
    campaignId: project.campaignId,
    projectId: project.id,
    kind: 'milestone',
    milestoneId: milestone.id,
    title: title.length > 300 ? `${title.slice(0, 299)}…` : title,
    ...(milestone.description ? { text: milestone.description } : {}),
    date: new Date(date).toISOString(),
    photos: milestone.photos ?? [],
    ...(link ? { link } : {}),
  };
}

/** Milestones done in `after` that were not done in `before` (none for a project that did not exist). */
export function completedMilestones(before: readonly Milestone[] | undefined, after: readonly Milestone[]): Milestone[] {
  if (!before) return [];
  const done = new Set(before.filter((m) => m.done).map((m) => m.id));
  return after.filter((m) => m.done && !done.has(m.id));
}

/** Newest first; equal dates by id, so paging is stable. */
export function compareUpdates(a: Pick<UpdateItem, 'date' | 'id'>, b: Pick<UpdateItem, 'date' | 'id'>): number {
  const d = Date.parse(b.date) - Date.parse(a.date);
  return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The cursor after an item: its time (base 36) and id. */
export const updateCursor = (item: Pick<UpdateItem, 'date' | 'id'>): string => `${Date.parse(item.date).toString(36)}.${item.id}`;

/** The item a cursor points after, or `invalid-input`. */
export function readUpdateCursor(cursor: string): { date: string; id: string } {
  const dot = cursor.indexOf('.');
  const ms = dot > 0 ? Number.parseInt(cursor.slice(0, dot), 36) : Number.NaN;
  const id = cursor.slice(dot + 1);
  if (!/^[0-9a-z]{1,12}$/.test(cursor.slice(0, dot)) || !Number.isFinite(ms) || !id || id.length > 64) {
    throw new VecheError('invalid-input', 'Invalid update query: cursor is not one this backend gave');
  }
  return { date: new Date(ms).toISOString(), id };
}

/** A page of items already sorted newest first: those after the cursor, `limit` of them. */
export function pageUpdates(sorted: readonly UpdateItem[], cursor: string | undefined, limit: number): UpdatePage {
  const after = cursor === undefined ? undefined : readUpdateCursor(cursor);
  const rest = after ? sorted.filter((item) => compareUpdates(after, item) < 0) : sorted;
  const items = rest.slice(0, limit);
  return { items, nextCursor: rest.length > limit ? updateCursor(items[items.length - 1]!) : null };
}
