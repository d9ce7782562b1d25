import { describe, expect, it } from 'vitest';
import {
  ParticipationReport,
  UpdateItem,
  UpdatePage,
  VecheError,
  completedMilestones,
  enteredYear,
  formatShare,
  milestoneUpdate,
  pageUpdates,
  parseWith,
  participationCsv,
  participationShares,
  phaseUpdate,
  projectLink,
  readUpdateCursor,
  updateCursor,
  type ParticipationCsvTerms,
  type UpdateItemInput,
} from '../src/index.ts';
import { MemoryAdapter, demoFixture } from '../src/memory/index.ts';
import { KRASNOYARSK_PARTICIPATION } from '../src/memory/reporting-demo.ts';
import { ParticipationEntry } from '../src/schemas/reporting.ts';
import { failure } from './helpers.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const demo = (days = 0) => new MemoryAdapter({ fixtures: [demoFixture(NOW)], now: () => new Date(NOW.getTime() + days * DAY) });

describe('the Krasnoyarsk figures', () => {
  const row = (year: number) => enteredYear(year, parseWith(ParticipationEntry, KRASNOYARSK_PARTICIPATION[year], 'entry'), 'Красноярск');

  it('give the shares of the issue, rounded half up from the counts', () => {
    const y2023 = row(2023);
    expect(y2023.participants).toEqual({ online: 167, offline: 80_327 });
    expect(y2023.shares).toEqual({ participants16: 0.2435, digital16: 0.0005, digitalOfParticipants: 0.0021 });
    const y2024 = row(2024);
    expect(y2024.participants.online + y2024.participants.offline).toBe(107_350);
    expect(y2024.shares).toEqual({ participants16: 0.1473, digital16: 0.0149, digitalOfParticipants: 0.1015 });
    const shown = [y2023, y2024].flatMap((y) => [y.shares.participants16!, y.shares.digitalOfParticipants!, y.shares.digital16!].map((s) => formatShare(s, 'en')));
    expect(shown).toEqual(['24.35%', '0.21%', '0.05%', '14.73%', '10.15%', '1.49%']);
  });

  it('leaves out the shares it cannot know', () => {
    expect(participationShares({ participants: { online: 0, offline: 0 } })).toEqual({});
    expect(participationShares({ population16: 100, participants: { online: 0, offline: 0 } })).toEqual({ participants16: 0, digital16: 0 });
  });
});

describe('update items', () => {
  it('a phase item has one id per phase start, a link to the campaign and Russian text', () => {
    const a = phaseUpdate({ id: 'demo', url: '/' }, 'voting', '2026-12-01T00:00:00+07:00');
    expect(a.date).toBe('2026-11-30T17:00:00.000Z');
    expect(a).toMatchObject({ kind: 'phase', phase: 'voting', title: 'Началось голосование', link: '/' });
    expect(phaseUpdate({ id: 'demo' }, 'voting', '2026-11-30T17:00:00Z').id).toBe(a.id);
    expect(parseWith(UpdateItem, a, 'item')).toEqual(a);
  });

  it('a milestone item names the project and the milestone and links to the project', () => {
    const m = { id: 'm3', title: 'Открытие', done: true, description: 'Пришли 250 жителей.', photos: [{ url: '/p.svg', alt: 'Фото' }] };
    const item = milestoneUpdate({ url: 'https://city.example/pb#top' }, { id: 'demo-14', campaignId: 'demo', title: 'Детский городок' }, m, '2026-06-01T10:00:00Z');
    expect(item).toMatchObject({ kind: 'milestone', projectId: 'demo-14', milestoneId: 'm3', title: 'Детский городок: Открытие', text: 'Пришли 250 жителей.' });
    expect(item.link).toBe('https://city.example/pb#veche-project=demo-14');
    expect(parseWith(UpdateItem, item, 'item')).toEqual(item);
    expect(projectLink(undefined, 'x')).toBeUndefined();
    const long = milestoneUpdate({}, { id: 'p', campaignId: 'c', title: 'П'.repeat(300) }, m, '2026-06-01T10:00:00Z');
    expect(long.title).toHaveLength(300);
  });

  it('completedMilestones: only those that turned done in an existing project', () => {
    const m = (id: string, done: boolean) => ({ id, title: id, done, photos: [] });
    expect(completedMilestones(undefined, [m('a', true)])).toEqual([]);
    expect(completedMilestones([m('a', true), m('b', false)], [m('a', true), m('b', true), m('c', true), m('d', false)]).map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('pages newest first with cursors that survive equal dates', () => {
    const items = Array.from({ length: 7 }, (_, i): UpdateItem => ({
      id: `n${i}`,
      campaignId: 'demo',
      kind: 'news',
      title: `Новость ${i}`,
      date: new Date(NOW.getTime() - Math.floor(i / 2) * DAY).toISOString(),
      photos: [],
    }));
    const sorted = [...items].sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageUpdates(sorted, cursor, 3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(sorted.map((i) => i.id));
    expect(readUpdateCursor(updateCursor(sorted[0]!))).toEqual({ date: sorted[0]!.date, id: sorted[0]!.id });
    for (const bad of ['', 'x', '.x', 'zzzzzzzzzzzzzzz.a', `1.${'a'.repeat(65)}`]) {
      expect(() => readUpdateCursor(bad), bad).toThrow(VecheError);
    }
  });
});

describe('MemoryAdapter: news', () => {
  it('lists the demo news newest first: stored items, milestones and the phases begun so far', async () => {
    const page = parseWith(UpdatePage, await demo().listUpdates('demo', { limit: 50 }), 'page');
    const ids = page.items.map((i) => i.id);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => i.date)).toEqual([...page.items.map((i) => i.date)].sort().reverse());
    expect(page.items.filter((i) => i.kind === 'phase').map((i) => i.phase)).toEqual(['voting', 'review', 'support', 'ideas']);
    expect(ids).toContain('news-review');
    // Planned items wait for their date.
    expect(ids).not.toContain('news-meeting');
    expect((await demo(6).listUpdates('demo', { limit: 50 })).items.map((i) => i.id)).toContain('news-meeting');
    const opening = page.items.find((i) => i.projectId === 'demo-14' && i.kind === 'milestone')!;
    expect(opening.photos[0]).toEqual({ url: '/demo/photos/opening.svg', alt: 'Открытие детского городка: дети на канатном парке' });
    expect(opening.link).toBe('/#veche-project=demo-14');
    expect(page.items.every((i) => i.link !== undefined || i.id === 'news-meeting')).toBe(true);
  });

  it('pages with a cursor and filters by project', async () => {
    const adapter = demo();
    const all = (await adapter.listUpdates('demo', { limit: 50 })).items.map((i) => i.id);
    const first = await adapter.listUpdates('demo', { limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await adapter.listUpdates('demo', { limit: 50, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all);
    const project = await adapter.listUpdates('demo', { project: 'demo-13' });
    expect(project.items.map((i) => i.milestoneId)).toEqual(['m3', 'm2', 'm1']);
    expect((await failure(adapter.listUpdates('demo', { project: 'demo-7' }))).code).toBe('not-found');
    expect((await failure(adapter.listUpdates('nope'))).code).toBe('not-found');
    expect((await failure(adapter.listUpdates('demo', { cursor: 'garbage' }))).code).toBe('invalid-input');
    expect((await failure(adapter.listUpdates('demo', { limit: 500 }))).code).toBe('invalid-input');
  });

  it('rejects a fixture item of another campaign', () => {
    const fixture = demoFixture(NOW);
    fixture.updates = [{ id: 'x', campaignId: 'other', kind: 'news', title: 'X', date: NOW.toISOString() } satisfies UpdateItemInput];
    expect(() => new MemoryAdapter({ fixtures: [fixture] })).toThrow(/another campaign/);
  });
});

describe('MemoryAdapter: participation', () => {
  it('reports the krai years and the demo year, live', async () => {
    const adapter = demo();
    const report = parseWith(ParticipationReport, await adapter.getParticipation('demo'), 'report');
    expect(report.years.map((y) => [y.year, y.source])).toEqual([
      [2023, 'entered'],
      [2024, 'entered'],
      [2026, 'live'],
    ]);
    expect(report.year).toBe(2026);
    const live = report.years[2]!;
    expect(live).toMatchObject({ campaignId: 'demo', municipality: 'Кедровогорск', population: 14_300, population16: 11_460 });
    // 1,912 loaded paper ballots and the entered offline residents; 640 online supporters from the Госуслуги platform.
    expect(live.actions.votes).toEqual({ online: 0, offline: 1_912 });
    expect(live.actions.support).toEqual({ online: 640, offline: 1_480 });
    // Residents who commented in the demo's discussion take part online too.
    expect(live.participants).toEqual({ online: 640 + live.actions.comments!.online, offline: 1_912 + 1_560 });
    expect(report.years[0]!.shares.participants16).toBe(0.2435);
  });

  it('counts residents who act through the adapter, once each, without their contacts', async () => {
    const adapter = new MemoryAdapter({ fixtures: [demoFixture(NOW)], now: () => new Date(NOW.getTime() - 60 * DAY), signedInAs: 'r1' });
    const before = (await adapter.getParticipation('demo')).years.find((y) => y.source === 'live')!;
    await adapter.support('demo-8');
    await adapter.support('demo-9');
    const after = (await adapter.getParticipation('demo')).years.find((y) => y.source === 'live')!;
    expect(after.actions.support!.online - before.actions.support!.online).toBe(1);
    expect(after.participants.online - before.participants.online).toBe(1);

    const ideas = new MemoryAdapter({ fixtures: [demoFixture(NOW)], now: () => new Date(NOW.getTime() - 100 * DAY) });
    const idea = {
      title: 'Воркаут у школы № 3',
      description: 'Турники и брусья для подростков у школы номер три.',
      author: { name: 'Мария Иванова', email: 'maria@example.ru' },
      consents: [{ kind: 'personal-data' as const, version: '2026-09', accepted: true }],
    };
    await ideas.submitIdea('demo', idea);
    await ideas.submitIdea('demo', { ...idea, title: 'Второй воркаут у школы № 3', author: { name: 'М. И.', email: ' MARIA@example.ru ' } });
    await ideas.submitIdea('demo', { ...idea, title: 'Третья идея про воркаут', author: { name: 'Пётр', phone: '+7 391 000-00-01' } });
    const report = await ideas.getParticipation('demo');
    const live = report.years.find((y) => y.source === 'live')!;
    expect(live.actions.ideas!.online).toBe(2);
    const json = JSON.stringify(report);
    for (const secret of ['maria', 'Мария', '000-00-01', 'Пётр']) expect(json).not.toContain(secret);
  });

  it('puts other campaigns of the same town in the years', async () => {
    const a = demoFixture(NOW);
    const last = demoFixture(new Date(NOW.getTime() - 365 * DAY));
    const b = { campaign: { ...last.campaign, id: 'demo-2025' }, projects: last.projects.map((p) => ({ ...p, id: `${p.id}-2025`, campaignId: 'demo-2025' })) };
    const report = await new MemoryAdapter({ fixtures: [a, b], now: () => NOW }).getParticipation('demo');
    expect(report.years.map((y) => [y.year, y.campaignId ?? null])).toEqual([
      [2023, null],
      [2024, null],
      [2025, 'demo-2025'],
      [2026, 'demo'],
    ]);
  });

  it('exports CSV for Excel: one row a year, shares with the language separator, formulas guarded', async () => {
    const report = await demo().getParticipation('demo');
    report.years[0]!.municipality = '=HYPERLINK("x")';
    const terms: ParticipationCsvTerms = {
      year: 'Год', municipality: 'Муниципалитет', residents: 'Жители', residents16: 'Жители 16+', participants: 'Участники',
      share16: 'Доля от 16+', digital: 'Цифровые', shareOfParticipants: 'Доля участников', digitalShare16: 'Доля цифровых от 16+',
      online: 'онлайн', offline: 'офлайн', action: { ideas: 'Идеи', support: 'Поддержка', votes: 'Голосование', comments: 'Обсуждение' },
    };
    const csv = participationCsv(report, terms, (n) => String(n).replace('.', ','));
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Год;Муниципалитет;Жители;Жители 16\+;Участники;Доля от 16\+, %;/);
    expect(lines[1]).toBe(`2023;"'=HYPERLINK(""x"")";429200;330527;80494;24,35;167;0,21;0,05;167;80327;;;;;;`);
    expect(lines[2]).toMatch(/^2024;Красноярский край, ППМИ;931545;728691;107350;14,73;10891;10,15;1,49;10891;96459;/);
  });
});
