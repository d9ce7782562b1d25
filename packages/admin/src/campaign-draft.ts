// The campaign editor's pure parts: a new campaign's defaults, dates for inputs, GeoJSON districts,
// the preview's campaign with voting open, and the calendar's geometry.
import {
  Campaign,
  type CampaignInput,
  type District,
  DistrictGeometry,
  PHASE_IDS,
  type Phase,
  type PhaseId,
  SIGN_IN_METHODS,
  movePhases,
  type ProjectInput,
} from '@veche/core';

const DAY = 86_400_000;

/** How long each phase of a new campaign lasts, in days. */
export const DEFAULT_DAYS: Record<PhaseId, number> = { ideas: 30, support: 21, review: 14, voting: 14, results: 30, implementation: 365 };

/** A campaign from nothing: six phases from tomorrow, the demo's consent wording, every sign-in method for support and voting. */
export function newCampaign(now = new Date()): CampaignInput {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  let cursor = start;
  const phases = PHASE_IDS.map((id) => {
    const phase = { id, start: new Date(cursor).toISOString(), end: new Date(cursor + DEFAULT_DAYS[id] * DAY).toISOString() };
    cursor += DEFAULT_DAYS[id] * DAY;
    return phase;
  });
  return {
    id: '',
    title: '',
    municipality: '',
    currency: 'RUB',
    budget: 0,
    phases,
    districts: [],
    categories: [],
    votingRules: { method: 'knapsack', minProjects: 1 },
    allowRevote: true,
    voteVisibility: 'after-close',
    signIn: { ideas: [], support: [...SIGN_IN_METHODS], voting: [...SIGN_IN_METHODS] },
    consents: [
      {
        kind: 'personal-data',
        version: '1',
        required: true,
        text:
          'Я даю согласие оператору — администрации муниципального образования — на обработку моих персональных данных ' +
          '(имя, адрес электронной почты или номер телефона) с целью участия в инициативном бюджетировании: сбор, запись, ' +
          'хранение, уточнение и удаление, на срок проведения кампании и один год после её окончания. Согласие можно отозвать, ' +
          'написав оператору.',
      },
      { kind: 'publish-name', version: '1', required: false, text: 'Я согласен, чтобы моё имя было опубликовано рядом с моей идеей.' },
    ],
  };
}

/** An ISO time as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | undefined {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Ids from names: latin letters, digits and dashes (Cyrillic transliterated). */
export function slug(text: string): string {
  const map: Record<string, string> = {
    а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
    р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  };
  return [...text.toLowerCase()]
    .map((c) => map[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Districts from a GeoJSON file: a FeatureCollection (or one Feature or geometry) of Polygons and
 * MultiPolygons; names from `name`/`NAME`/`title`, ids from `id` or the name. Throws with the reason.
 */
export function districtsFromGeoJson(text: string): District[] {
  const doc = JSON.parse(text) as { type?: string; features?: unknown[]; geometry?: unknown; properties?: Record<string, unknown>; id?: unknown };
  const features: { geometry?: unknown; properties?: Record<string, unknown> | null; id?: unknown }[] =
    doc.type === 'FeatureCollection' ? ((doc.features ?? []) as never[]) : doc.type === 'Feature' ? [doc] : [{ geometry: doc, properties: {} }];
  const districts: District[] = [];
  const used = new Set<string>();
  features.forEach((f, i) => {
    const geometry = DistrictGeometry.safeParse(f.geometry);
    if (!geometry.success) throw new RangeError(`feature ${i + 1}: not a Polygon or MultiPolygon`);
    const props = f.properties ?? {};
    const name = String(props['name'] ?? props['NAME'] ?? props['title'] ?? props['name:ru'] ?? `Район ${i + 1}`).trim().slice(0, 200) || `Район ${i + 1}`;
    let id = slug(String(props['id'] ?? f.id ?? '')) || slug(name) || `d${i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    const population = Number(props['population16']);
    const budget = Number(props['budget']);
    districts.push({
      id,
      name,
      geometry: geometry.data,
      ...(Number.isInteger(population) && population >= 0 ? { population16: population } : {}),
      ...(Number.isInteger(budget) && budget > 0 ? { budget } : {}),
    });
  });
  if (districts.length === 0) throw new RangeError('no features');
  return districts;
}

/** Sample projects for the ballot preview when the campaign has none on the ballot yet. */
export function sampleProjects(campaign: CampaignInput, titles: string[]): ProjectInput[] {
  const budget = campaign.votingRules.budget ?? campaign.budget ?? 1_000_000;
  const shares = [0.35, 0.3, 0.25, 0.2, 0.15];
  return titles.map((title, i) => ({
    id: `preview-${i + 1}`,
    campaignId: campaign.id || 'preview',
    title,
    cost: Math.max(1000, Math.round((budget * shares[i % shares.length]!) / 1000) * 1000),
    status: 'shortlisted' as const,
    ...(campaign.districts?.[i % (campaign.districts.length || 1)] ? { districtId: campaign.districts[i % campaign.districts.length]!.id } : {}),
    createdAt: new Date().toISOString(),
  }));
}

/** The draft as the preview shows it: valid, with voting open now (or why it cannot be shown). */
export function previewCampaign(draft: CampaignInput, now = new Date()): { campaign: CampaignInput } | { problem: string } {
  const id = draft.id || 'preview';
  let phases = draft.phases;
  try {
    if (draft.phases.some((p) => p.id === 'voting')) phases = movePhases(draft.phases as Phase[], 'voting', now);
  } catch {
    return { problem: 'phases' };
  }
  const candidate = { ...draft, id, title: draft.title || id, municipality: draft.municipality || '—', phases };
  const parsed = Campaign.safeParse(candidate);
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { campaign: candidate };
}

export interface CalendarBar {
  id: PhaseId;
  left: number;
  width: number;
}

/** Where each phase sits on the cycle's line (percent), the month marks and today. */
export function calendar(phases: { id: PhaseId; start: string; end: string }[], now = new Date()): { bars: CalendarBar[]; months: { left: number; date: Date }[]; today: number | null } {
  const times = phases.flatMap((p) => [Date.parse(p.start), Date.parse(p.end)]).filter(Number.isFinite);
  if (times.length === 0) return { bars: [], months: [], today: null };
  const from = Math.min(...times);
  const to = Math.max(...times);
  const span = Math.max(to - from, DAY);
  const at = (t: number) => ((t - from) / span) * 100;
  const bars = phases.map((p) => ({ id: p.id, left: at(Date.parse(p.start)), width: Math.max(0.5, at(Date.parse(p.end)) - at(Date.parse(p.start))) }));
  const months: { left: number; date: Date }[] = [];
  const first = new Date(from);
  const step = span > 400 * DAY ? 3 : 1;
  for (let d = new Date(first.getFullYear(), first.getMonth() + 1, 1); d.getTime() < to; d = new Date(d.getFullYear(), d.getMonth() + step, 1)) {
    months.push({ left: at(d.getTime()), date: d });
  }
  const t = now.getTime();
  return { bars, months, today: t >= from && t <= to ? at(t) : null };
}
