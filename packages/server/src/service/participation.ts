import {
  PARTICIPATION_ACTIONS,
  ParticipationEntry,
  VecheError,
  campaignYear,
  channelTotal,
  enteredYear,
  formatNumber,
  formatShare,
  liveYear,
  noParticipation,
  normalizeContact,
  parseWith,
  participationCsv,
  participationReport,
  type Campaign,
  type ParticipationCsvTerms,
  type ParticipationReport,
  type ParticipationYear,
  type RecordedParticipation,
} from '@veche/core';
import { type Ctx, cached, campaignFrom, forgetCampaign, iso, loadCampaign } from './context.ts';

/*
 * The participation report, live from the server's own records: distinct residents per action and
 * channel (a ballot cast through the site is online; a ballot loaded without one, a paper ballot or an
 * import, is offline), plus what the administration entered. It holds counts only: no resident ids,
 * contacts or addresses.
 */

const count = (row: { n: number | string | bigint } | undefined): number => Number(row?.n ?? 0);

/** Distinct residents per action and channel in the campaign's records, and in anything. */
export async function recordedParticipation(ctx: Ctx, campaignId: string): Promise<RecordedParticipation> {
  const out = noParticipation();
  const db = ctx.db;
  const ideaRows = await db
    .selectFrom('ideas')
    .innerJoin('projects', 'projects.id', 'ideas.project_id')
    .select(['ideas.resident_id', 'ideas.author', 'ideas.project_id'])
    .where('projects.campaign_id', '=', campaignId)
    .execute();
  // An idea sent without signing in counts its author once by their contact; the contact goes no further.
  const authors = new Set<string>();
  for (const r of ideaRows) {
    if (r.resident_id !== null) authors.add(`r:${r.resident_id}`);
    else {
      const author = JSON.parse(r.author) as { email?: string; phone?: string };
      const contact = normalizeContact(author.email ?? '') ?? normalizeContact(author.phone ?? '');
      authors.add(contact ? `c:${contact}` : `i:${r.project_id}`);
    }
  }
  const anonymousAuthors = [...authors].filter((a) => !a.startsWith('r:')).length;

  const supporters = db.selectFrom('supports').select('resident_id').where('campaign_id', '=', campaignId).where('state', '=', 'supported');
  const voters = db
    .selectFrom('ballots')
    .select('resident_id')
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'submitted')
    .where('receipt', 'is not', null);
  const commenters = db
    .selectFrom('comments')
    .select('resident_id')
    .where('campaign_id', '=', campaignId)
    .where('official', '=', 0)
    .where('status', 'in', ['published', 'pending']);
  const signedAuthors = db
    .selectFrom('ideas')
    .innerJoin('projects', 'projects.id', 'ideas.project_id')
    .select('ideas.resident_id as resident_id')
    .where('projects.campaign_id', '=', campaignId)
    .where('ideas.resident_id', 'is not', null)
    .$narrowType<{ resident_id: string }>();
  const distinct = (q: typeof supporters) =>
    db.selectFrom(q.distinct().as('d')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst().then(count);
  const [support, votes, comments, anyone, loaded] = await Promise.all([
    distinct(supporters),
    distinct(voters as unknown as typeof supporters),
    distinct(commenters as unknown as typeof supporters),
    db
      .selectFrom(supporters.union(voters).union(commenters).union(signedAuthors).as('u'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
      .then(count),
    db
      .selectFrom('ballots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'submitted')
      .where('receipt', 'is', null)
      .executeTakeFirst()
      .then(count),
  ]);
  out.actions.ideas.online = authors.size;
  out.actions.support.online = support;
  out.actions.votes.online = votes;
  out.actions.votes.offline = loaded;
  out.actions.comments.online = comments;
  out.participants.online = anyone + anonymousAuthors;
  out.participants.offline = loaded;
  return out;
}

async function entries(ctx: Ctx, campaignId: string): Promise<Map<number, { entry: ParticipationEntry; updatedAt: string }>> {
  const rows = await ctx.db.selectFrom('participation_entries').select(['year', 'data', 'updated_at']).where('campaign_id', '=', campaignId).execute();
  return new Map(rows.map((r) => [Number(r.year), { entry: JSON.parse(r.data) as ParticipationEntry, updatedAt: r.updated_at }]));
}

/** A campaign's own year: its records now plus what was entered for that year. */
async function liveRow(ctx: Ctx, campaign: Campaign, entered: Map<number, { entry: ParticipationEntry; updatedAt: string }>): Promise<ParticipationYear> {
  const own = entered.get(campaignYear(campaign));
  return liveYear(campaign, await recordedParticipation(ctx, campaign.id), own?.entry, iso(ctx));
}

/** The participation report of a campaign, with its municipality's other campaigns and entered years. */
export async function getParticipation(ctx: Ctx, campaignId: string): Promise<ParticipationReport> {
  const campaign = await loadCampaign(ctx, campaignId);
  return cached(ctx, `participation:${campaignId}`, async () => {
    const mine = await entries(ctx, campaignId);
    const year = campaignYear(campaign);
    const entered = [...mine]
      .filter(([y]) => y !== year)
      .map(([y, { entry, updatedAt }]) => enteredYear(y, entry, campaign.municipality, updatedAt));
    const others: ParticipationYear[] = [];
    for (const row of await ctx.db.selectFrom('campaigns').select(['id', 'data']).where('id', '!=', campaignId).execute()) {
      const other = campaignFrom(row.data);
      if (other.municipality === campaign.municipality) others.push(await liveRow(ctx, other, await entries(ctx, other.id)));
    }
    return participationReport(campaign, await liveRow(ctx, campaign, mine), entered, others);
  });
}

/**
 * Stores what the administration entered for a year of a campaign (replacing that year's entry) and
 * returns the report.
 */
export async function putParticipation(ctx: Ctx, campaignId: string, year: number, input: unknown): Promise<ParticipationReport> {
  await loadCampaign(ctx, campaignId);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new VecheError('invalid-input', 'Invalid year: must be a year from 1990 to 2200');
  const entry = parseWith(ParticipationEntry, input, 'participation entry');
  const now = iso(ctx);
  const values = { data: JSON.stringify(entry), updated_at: now };
  await ctx.db
    .insertInto('participation_entries')
    .values({ campaign_id: campaignId, year, ...values })
    .onConflict((oc) => oc.columns(['campaign_id', 'year']).doUpdateSet(values))
    .execute();
  forgetCampaign(ctx, campaignId);
  return getParticipation(ctx, campaignId);
}

/** What was entered for a year, or an empty entry. */
export async function getParticipationEntry(ctx: Ctx, campaignId: string, year: number): Promise<ParticipationEntry> {
  return (await entries(ctx, campaignId)).get(year)?.entry ?? parseWith(ParticipationEntry, {}, 'participation entry');
}

export async function deleteParticipation(ctx: Ctx, campaignId: string, year: number): Promise<void> {
  await loadCampaign(ctx, campaignId);
  await ctx.db.deleteFrom('participation_entries').where('campaign_id', '=', campaignId).where('year', '=', year).execute();
  forgetCampaign(ctx, campaignId);
}

/** The CSV and print headings, in Russian. */
export const CSV_TERMS: ParticipationCsvTerms = {
  year: 'Год',
  municipality: 'Муниципалитет',
  residents: 'Жителей',
  residents16: 'Жителей 16+',
  participants: 'Приняли участие',
  share16: 'Доля от жителей 16+',
  digital: 'Использовали цифровые инструменты',
  shareOfParticipants: 'Доля от участников',
  digitalShare16: 'Доля цифровых от жителей 16+',
  online: 'онлайн',
  offline: 'офлайн',
  action: { ideas: 'Идеи', support: 'Поддержка', votes: 'Голосование', comments: 'Обсуждение' },
};

/** The report as CSV for Excel (UTF-8 with a byte-order mark, `;`, shares with a decimal comma). */
export async function participationCsvFile(ctx: Ctx, campaignId: string): Promise<string> {
  const report = await getParticipation(ctx, campaignId);
  return `\uFEFF${participationCsv(report, CSV_TERMS, (n) => formatNumber(n, 'ru', 2).replace(/\s/g, ''))}`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A print view of the report: one self-contained HTML page (no scripts, inline styles only) with the
 * year-over-year table and the campaign's year by action and channel. Every value is escaped.
 */
export async function participationPrintView(ctx: Ctx, campaignId: string): Promise<string> {
  const campaign = await loadCampaign(ctx, campaignId);
  const report = await getParticipation(ctx, campaignId);
  const t = CSV_TERMS;
  const n = (v: number | undefined) => (v === undefined ? '—' : escapeHtml(formatNumber(v, 'ru')));
  const pct = (v: number | undefined) => (v === undefined ? '—' : escapeHtml(formatShare(v, 'ru')));
  const years = report.years
    .map(
      (y) => `<tr><th scope="row">${y.year}</th><td>${escapeHtml(y.municipality ?? report.municipality)}</td><td>${n(y.population)}</td><td>${n(y.population16)}</td>` +
        `<td>${n(channelTotal(y.participants))}</td><td>${pct(y.shares.participants16)}</td><td>${n(y.participants.online)}</td>` +
        `<td>${pct(y.shares.digitalOfParticipants)}</td><td>${pct(y.shares.digital16)}</td></tr>`,
    )
    .join('\n');
  const own = report.years.find((y) => y.campaignId === campaignId && y.year === report.year);
  const actions = PARTICIPATION_ACTIONS.map((a) => {
    const c = own?.actions[a];
    return `<tr><th scope="row">${t.action[a]}</th><td>${n(c?.online)}</td><td>${n(c?.offline)}</td><td>${n(c ? channelTotal(c) : undefined)}</td></tr>`;
  }).join('\n');
  const title = `Участие жителей: ${campaign.title}`;
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 12pt/1.4 system-ui, sans-serif; color: #000; background: #fff; margin: 1.5em; }
table { border-collapse: collapse; margin: 0 0 1.5em; width: 100%; }
caption { text-align: start; font-weight: 700; padding-block-end: .4em; }
th, td { border: 1px solid #000; padding: .3em .5em; text-align: end; vertical-align: top; }
th[scope=row], thead th { text-align: start; }
@page { size: A4 landscape; margin: 1.5cm; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(campaign.municipality)}${campaign.region ? `, ${escapeHtml(campaign.region)}` : ''}. Данные на ${escapeHtml(new Date(iso(ctx)).toLocaleString('ru-RU', { timeZone: 'UTC' }))} UTC. Доли округлены до сотых процента.</p>
<table>
<caption>Участие по годам</caption>
<thead><tr><th scope="col">${t.year}</th><th scope="col">${t.municipality}</th><th scope="col">${t.residents}</th><th scope="col">${t.residents16}</th><th scope="col">${t.participants}</th><th scope="col">${t.share16}</th><th scope="col">${t.digital}</th><th scope="col">${t.shareOfParticipants}</th><th scope="col">${t.digitalShare16}</th></tr></thead>
<tbody>
${years}
</tbody>
</table>
<table>
<caption>${report.year}: участники по видам участия</caption>
<thead><tr><th scope="col">Вид участия</th><th scope="col">Онлайн</th><th scope="col">Офлайн</th><th scope="col">Всего</th></tr></thead>
<tbody>
${actions}
</tbody>
</table>
</body>
</html>
`;
}
