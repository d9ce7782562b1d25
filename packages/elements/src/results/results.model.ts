import { VecheError, roundShare, type Campaign, type Project, type Results, type VecheAdapter } from '@veche/core';

/*
 * What `<veche-results>` shows, loaded through the adapter and computed without Lit or the DOM. A host's
 * own adapter may skip validation, so every field the views read is checked here: bad data becomes an
 * `invalid-response` error with a retry, never a throw inside render().
 */

/** One project's line in the chart, the table and the CSV. */
export interface ResultRow {
  id: string;
  title: string;
  /** Competition ranking: equal values share a place (1, 2, 2, 4). */
  rank: number;
  cost: number | undefined;
  district: string | undefined;
  votes: number;
  points: number;
  /** What the chart draws: points for cumulative voting, votes otherwise. */
  value: number;
  /** Of the residents who voted (votes), or of all points given (points); 0–1, rounded to 0.01 %. */
  share: number;
  selected: boolean;
}

export interface DistrictRow {
  id: string;
  name: string;
  budget: number | undefined;
  budgetUsed: number;
  turnout: number;
  /** Of the district's residents aged 16+, when known. */
  share: number | undefined;
}

export interface ResultsModel {
  campaign: Campaign;
  results: Results;
  /** Cumulative voting: the chart counts points. */
  points: boolean;
  rows: ResultRow[];
  winners: ResultRow[];
  /** The longest bar's value. */
  max: number;
  budgetShare: number;
  turnoutShare: number | undefined;
  districts: DistrictRow[];
}

export type ResultsView =
  | { kind: 'published'; model: ResultsModel }
  /** Before publication, with the date when it is known. */
  | { kind: 'pending'; campaign: Campaign; start: string | undefined }
  /** The backend does not publish results (`capabilities.results` is false). */
  | { kind: 'unsupported'; campaign: Campaign };

type Data = Record<string, unknown>;
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const absentOr = (v: unknown, check: (v: unknown) => boolean) => v === undefined || v === null || check(v);

function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new VecheError('invalid-response', `The adapter sent ${what}`);
}

/** The campaign, checked for what the results read. */
export function readCampaign(v: unknown): Campaign {
  check(isData(v) && typeof v['id'] === 'string' && typeof v['title'] === 'string', 'a campaign without an id or title');
  check(Array.isArray(v['phases']) && v['phases'].every((p) => isData(p) && isTime(p['start']) && isTime(p['end'])), 'a campaign with unreadable phases');
  check(isData(v['votingRules']) && absentOr(v['population16'], isAmount), 'a campaign with unreadable rules or population');
  const districts = v['districts'] ?? [];
  check(Array.isArray(districts) && districts.every((d) => isData(d) && typeof d['id'] === 'string' && typeof d['name'] === 'string'), 'unreadable districts');
  return { ...v, districts } as unknown as Campaign;
}

/** The results, checked for what the views read; missing districts become none. */
export function readResults(v: unknown): Results {
  check(isData(v) && isAmount(v['budget']) && isAmount(v['budgetUsed']) && isAmount(v['turnout']), 'results without budget or turnout');
  check(absentOr(v['population16'], isAmount) && absentOr(v['publishedAt'], isTime), 'results with an unreadable population or date');
  const projects = v['projects'];
  check(
    Array.isArray(projects) &&
      projects.every((p) => isData(p) && typeof p['id'] === 'string' && isAmount(p['votes']) && isAmount(p['points']) && typeof p['selected'] === 'boolean'),
    'unreadable project results',
  );
  const districts = v['districts'] ?? [];
  check(
    Array.isArray(districts) &&
      districts.every((d) => isData(d) && typeof d['districtId'] === 'string' && isAmount(d['budgetUsed']) && isAmount(d['turnout'])),
    'unreadable district results',
  );
  return { ...v, districts } as unknown as Results;
}

/** Statuses a project can have once it was on the ballot. */
const BALLOT_STATUSES = ['shortlisted', 'selected', 'not-selected', 'in-progress', 'done'] as const;

/**
 * The projects named in the results, by id: the campaign's ballot projects page by page (stopping once
 * all are found), then `getProject` for any still missing. A project the adapter no longer knows is left
 * out (the views show its id).
 */
export async function projectsById(adapter: VecheAdapter, campaignId: string, ids: readonly string[], signal: AbortSignal): Promise<Map<string, Project>> {
  const found = new Map<string, Project>();
  const wanted = new Set(ids);
  const cursors = new Set<string>();
  let cursor: string | null | undefined;
  while (wanted.size > found.size) {
    const page: unknown = await adapter.listProjects(campaignId, { status: [...BALLOT_STATUSES], limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
    check(isData(page) && Array.isArray(page['items']), 'an unreadable project list');
    for (const p of page['items'] as unknown[]) {
      check(isData(p) && typeof p['id'] === 'string' && typeof p['title'] === 'string', 'a project without an id or title');
      if (wanted.has(p['id'] as string)) found.set(p['id'] as string, p as unknown as Project);
    }
    cursor = page['nextCursor'] as string | null | undefined;
    // The last page, or a broken adapter that repeats a cursor.
    if (typeof cursor !== 'string' || cursors.has(cursor)) break;
    cursors.add(cursor);
  }
  const missing = ids.filter((id) => !found.has(id));
  await Promise.all(
    missing.map((id) =>
      adapter.getProject(id, { signal }).then(
        (p) => {
          if (isData(p) && typeof p.title === 'string') found.set(id, p);
        },
        (e: unknown) => {
          if (VecheError.from(e).code !== 'not-found') throw e;
        },
      ),
    ),
  );
  return found;
}

/** When results will be published: the error's `details.start`, else the campaign's results phase or voting end. */
export function publicationDate(campaign: Campaign, error: VecheError): string | undefined {
  const start = error.details?.['start'];
  if (isTime(start)) return start;
  // The phases by hand rather than core's findPhase: its module would split off into a shared chunk.
  const phase = (id: string) => campaign.phases.find((p) => p.id === id);
  return phase('results')?.start ?? phase('voting')?.end;
}

/** Loads the campaign, its results and the titles of its projects. */
export async function loadResults(adapter: VecheAdapter, campaignId: string, signal: AbortSignal): Promise<ResultsView> {
  const options = { signal };
  const campaignCall = adapter.getCampaign(campaignId, options).then(readCampaign, (e: unknown) => {
    const error = VecheError.from(e);
    if (error.code === 'not-found') throw new VecheError('not-found', error.message, { details: { campaign: campaignId }, cause: e });
    throw e;
  });
  if (adapter.capabilities?.results === false) return { kind: 'unsupported', campaign: await campaignCall };
  const resultsCall = adapter.getResults(campaignId, options).then(readResults, (e: unknown) => VecheError.from(e));
  const [campaign, results] = await Promise.all([campaignCall, resultsCall]);
  if (results instanceof VecheError) {
    if (results.code === 'phase-closed') return { kind: 'pending', campaign, start: publicationDate(campaign, results) };
    throw results;
  }
  const projects = await projectsById(adapter, campaignId, results.projects.map((p) => p.id), signal);
  return { kind: 'published', model: resultsModel(campaign, results, projects) };
}

/** The rows sorted by what the chart draws, ranked, with titles and districts, and the summary figures. */
export function resultsModel(campaign: Campaign, results: Results, projects: ReadonlyMap<string, Pick<Project, 'title' | 'cost' | 'districtId'>>): ResultsModel {
  const points = campaign.votingRules.method === 'cumulative';
  const names = new Map(campaign.districts.map((d) => [d.id, d.name]));
  const totalPoints = results.projects.reduce((sum, p) => sum + p.points, 0);
  const rows = results.projects
    .map((r): ResultRow => {
      const project = projects.get(r.id);
      const value = points ? r.points : r.votes;
      const districtId = project?.districtId;
      return {
        id: r.id,
        title: project?.title ?? '',
        rank: 0,
        cost: project?.cost,
        district: districtId === undefined ? undefined : (names.get(districtId) ?? districtId),
        votes: r.votes,
        points: r.points,
        value,
        share: points ? roundShare(r.points, totalPoints) : roundShare(r.votes, results.turnout),
        selected: r.selected,
      };
    })
    // A stable sort keeps the adapter's ranking among equal values.
    .sort((a, b) => b.value - a.value);
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.value === row.value ? rows[i - 1]!.rank : i + 1));
  const winners = rows.filter((r) => r.selected);
  const districts = results.districts.map((d): DistrictRow => {
    const population = d.population16 ?? campaign.districts.find((c) => c.id === d.districtId)?.population16;
    return {
      id: d.districtId,
      name: names.get(d.districtId) ?? d.districtId,
      budget: d.budget,
      budgetUsed: d.budgetUsed,
      turnout: d.turnout,
      share: population ? roundShare(d.turnout, population) : undefined,
    };
  });
  const population = results.population16 ?? campaign.population16;
  return {
    campaign,
    results,
    points,
    rows,
    winners,
    max: rows.reduce((m, r) => Math.max(m, r.value), 0),
    budgetShare: roundShare(results.budgetUsed, results.budget),
    turnoutShare: population ? roundShare(results.turnout, population) : undefined,
    districts,
  };
}
