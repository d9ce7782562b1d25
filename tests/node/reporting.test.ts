// News (JSON, Atom) and the participation report of the reference server, on SQLite and PostgreSQL.
import { ParticipationReport, UpdateItem, UpdatePage, parseWith, type ParticipationYear } from '@veche/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCli } from './support/cli.ts';
import { ENGINES } from './support/databases.ts';
import { bearer, call, isError } from './support/http.ts';
import { ADMIN_TOKEN, DAY, NOW, type TestServer, startServer, testClock } from './support/server.ts';
import { atomProblems, childrenNamed, parseXml, type XmlElement } from './support/xml.ts';

const admin = bearer(ADMIN_TOKEN);
const TRICKY = '<script>alert("x")</script> & «кавычки» \'один\' ]]> \u0007';

const page = async (s: TestServer, url: string) => {
  const res = await call(s.server, 'GET', url);
  expect(res.status, res.text).toBe(200);
  return parseWith(UpdatePage, res.body, 'update page');
};
const report = async (s: TestServer, id = 'demo') => {
  const res = await call(s.server, 'GET', `/api/campaigns/${id}/participation`);
  expect(res.status, res.text).toBe(200);
  return parseWith(ParticipationReport, res.body, 'report');
};
const liveOf = (r: ParticipationReport): ParticipationYear => r.years.find((y) => y.source === 'live' && y.campaignId === r.campaignId)!;
const feed = async (s: TestServer, url: string): Promise<XmlElement> => {
  const res = await call(s.server, 'GET', url);
  expect(res.status, res.text).toBe(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  const doc = parseXml(res.text);
  expect(atomProblems(doc)).toEqual([]);
  return doc;
};
const text = (el: XmlElement, name: string) => childrenNamed(el, name)[0]?.text;

async function vote(s: TestServer, code: string): Promise<void> {
  const signed = await call(s.server, 'POST', '/api/auth/voting-code', { code });
  expect(signed.status, signed.text).toBe(200);
  const token = (signed.body as { token: string }).token;
  const res = await call(s.server, 'POST', '/api/campaigns/demo/ballot/submit', { selection: [{ projectId: 'demo-1' }] }, bearer(token));
  expect(res.status, res.text).toBe(200);
}

describe.each(ENGINES)('news and participation on %s', (engine) => {
  let s: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now });
  });
  afterAll(() => s.close());
  afterEach(() => clock.set(NOW));

  it('lists the news newest first, with an item for each phase begun, a page at a time', async () => {
    const all = await page(s, '/api/campaigns/demo/updates?limit=50');
    expect(all.nextCursor).toBeNull();
    const dates = all.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.items.filter((i) => i.kind === 'phase').map((i) => i.title)).toEqual([
      'Началось голосование',
      'Идеи на экспертизе',
      'Началась поддержка идей',
      'Начался сбор идей',
    ]);
    expect(all.items.map((i) => i.id)).toContain('news-review');
    expect(all.items.map((i) => i.id)).not.toContain('news-meeting');
    // Reading again writes no second phase item.
    expect((await page(s, '/api/campaigns/demo/updates?limit=50')).items).toHaveLength(all.items.length);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Awaited<ReturnType<typeof page>> = await page(s, `/api/campaigns/demo/updates?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(3);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));

    const project = await page(s, '/api/projects/demo-13/updates');
    expect(project.items.map((i) => [i.kind, i.milestoneId])).toEqual([['milestone', 'm3'], ['milestone', 'm2'], ['milestone', 'm1']]);
    expect((await page(s, '/api/campaigns/demo/updates?project=demo-13')).items).toEqual(project.items);
    // The planned item appears on its date.
    clock.days(6);
    expect((await page(s, '/api/campaigns/demo/updates?limit=50')).items.map((i) => i.id)).toContain('news-meeting');
  });

  it('answers bad queries clearly', async () => {
    expect(isError(await call(s.server, 'GET', '/api/campaigns/nope/updates'), 'not-found')).toBe(true);
    expect(isError(await call(s.server, 'GET', '/api/projects/demo-7/updates'), 'not-found')).toBe(true);
    expect(isError(await call(s.server, 'GET', '/api/campaigns/demo/updates?project=demo-7'), 'not-found')).toBe(true);
    expect(isError(await call(s.server, 'GET', '/api/campaigns/demo/updates?cursor=%3Cscript%3E'), 'invalid-input')).toBe(true);
    expect(isError(await call(s.server, 'GET', '/api/campaigns/demo/updates?limit=500'), 'invalid-input')).toBe(true);
    expect(isError(await call(s.server, 'GET', '/api/campaigns/demo/updates?limit=-1'), 'invalid-input')).toBe(true);
  });

  it('lets the administration publish and take down news; the public cannot', async () => {
    const body = { projectId: 'demo-1', title: TRICKY, text: `Строка 1\nСтрока 2 & <b>не жирным</b>`, photos: [{ url: '/demo/photos/playground.svg', alt: 'Эскиз "площадки"' }] };
    expect(isError(await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', body), 'unauthorized')).toBe(true);
    const created = await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', body, admin);
    expect(created.status, created.text).toBe(201);
    const item = parseWith(UpdateItem, created.body, 'item');
    expect(item).toMatchObject({ kind: 'news', projectId: 'demo-1', date: NOW.toISOString(), link: '/#veche-project=demo-1' });
    expect((await page(s, '/api/campaigns/demo/updates?limit=1')).items[0]).toEqual(item);

    const wrong = await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', { title: 'X', projectId: 'demo-7' }, admin);
    expect(isError(wrong, 'invalid-input')).toBe(true);
    const script = await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', { title: 'X', link: 'javascript:alert(1)' }, admin);
    expect(isError(script, 'invalid-input')).toBe(true);
    const empty = await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', { title: '   ' }, admin);
    expect(isError(empty, 'invalid-input')).toBe(true);

    const planned = await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', { title: 'Через неделю', date: new Date(NOW.getTime() + 7 * DAY).toISOString() }, admin);
    const plannedId = (planned.body as { id: string }).id;
    expect((await page(s, '/api/campaigns/demo/updates?limit=50')).items.map((i) => i.id)).not.toContain(plannedId);
    expect((await call(s.server, 'DELETE', `/api/admin/campaigns/demo/updates/${plannedId}`, undefined, admin)).status).toBe(204);
    expect(isError(await call(s.server, 'DELETE', `/api/admin/campaigns/demo/updates/${plannedId}`, undefined, admin), 'not-found')).toBe(true);
  });

  it('serves the news as valid Atom 1.0 with every text escaped', async () => {
    const doc = await feed(s, '/api/campaigns/demo/updates.atom');
    expect(text(doc, 'title')).toBe('Народный бюджет Кедровогорска — 2026: новости');
    const entries = childrenNamed(doc, 'entry');
    expect(entries.length).toBeGreaterThan(5);
    expect(text(doc, 'updated')).toBe(text(entries[0]!, 'updated'));
    const tricky = entries.find((e) => text(e, 'title')?.startsWith('<script>'))!;
    // The title comes back exactly, less the control character XML cannot carry.
    expect(text(tricky, 'title')).toBe(TRICKY.replace('\u0007', ''));
    expect(text(tricky, 'content')).toBe('Строка 1\nСтрока 2 & <b>не жирным</b>');
    const enclosure = childrenNamed(tricky, 'link').find((l) => l.attributes['rel'] === 'enclosure')!;
    expect(enclosure.attributes).toMatchObject({ type: 'image/svg+xml', title: 'Эскиз "площадки"' });
    expect(enclosure.attributes['href']).toMatch(/^http:\/\/[^/]+\/demo\/photos\/playground\.svg$/);
    const alternate = childrenNamed(tricky, 'link').find((l) => l.attributes['rel'] === 'alternate')!;
    expect(alternate.attributes['href']).toMatch(/^http:\/\/[^/]+\/#veche-project=demo-1$/);
    // Nothing raw: the markup of the title is text.
    const raw = (await call(s.server, 'GET', '/api/campaigns/demo/updates.atom')).text;
    expect(raw).not.toMatch(/<script|<b>/);
    expect(raw).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «кавычки» &apos;один&apos; ]]&gt;');
    // One id per item in every feed.
    const ids = entries.map((e) => text(e, 'id')!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith(text(doc, 'id')!))).toBe(true);

    const project = await feed(s, '/api/projects/demo-14/updates.atom');
    expect(text(project, 'title')).toBe('Детский городок в Северном: новости');
    const opening = childrenNamed(project, 'entry').find((e) => text(e, 'title') === 'Детский городок в Северном: Открытие')!;
    expect(text(opening, 'content')).toBe('Городок открыт, на открытие пришли 250 жителей.');
    expect(ids).toContain(text(opening, 'id'));
    expect((await call(s.server, 'GET', '/api/projects/demo-7/updates.atom')).status).toBe(404);
  });

  it('writes an item by itself when the admin moves the phase or completes a milestone', async () => {
    const moved = await call(s.server, 'POST', '/api/admin/campaigns/demo/phase', { phase: 'results' }, admin);
    expect(moved.status, moved.text).toBe(200);
    const [first] = (await page(s, '/api/campaigns/demo/updates?limit=1')).items;
    expect(first).toMatchObject({ kind: 'phase', phase: 'results', title: 'Подведены итоги голосования', date: NOW.toISOString(), link: '/' });

    const project = (await call(s.server, 'GET', '/api/projects/demo-15')).body as { milestones: { id: string; title: string; done: boolean; date?: string }[] };
    const milestones = project.milestones.map((m) => (m.id === 'm2' ? { ...m, done: true, description: 'Павильон установлен.' } : m));
    expect((await call(s.server, 'PUT', '/api/admin/projects/demo-15/milestones', { milestones, progress: 100 }, admin)).status).toBe(200);
    const items = (await page(s, '/api/projects/demo-15/updates')).items;
    expect(items[0]).toMatchObject({ kind: 'milestone', milestoneId: 'm2', title: 'Остановочный павильон у рынка: Установка', text: 'Павильон установлен.', link: '/#veche-project=demo-15' });
    // Saving again, or moderating, writes nothing new.
    await call(s.server, 'PUT', '/api/admin/projects/demo-15/milestones', { milestones, progress: 100 }, admin);
    await call(s.server, 'POST', '/api/admin/projects/demo-15/moderation', { status: 'done' }, admin);
    expect((await page(s, '/api/projects/demo-15/updates')).items).toHaveLength(items.length);
    // A whole project sent again through PUT with one more milestone done.
    const full = (await call(s.server, 'GET', '/api/projects/demo-13')).body as { milestones: { id: string; done: boolean }[]; supports?: number };
    const { supports: _supports, ...rest } = full;
    const put = await call(s.server, 'PUT', '/api/admin/projects/demo-13', { ...rest, milestones: full.milestones.map((m) => ({ ...m, done: true })) }, admin);
    expect(put.status, put.text).toBe(200);
    // m4 and m5 were completed at the same moment: newest first, then by id.
    const order = (await page(s, '/api/projects/demo-13/updates')).items.map((i) => i.milestoneId);
    expect(order.slice(2)).toEqual(['m3', 'm2', 'm1']);
    expect(order.slice(0, 2).sort()).toEqual(['m4', 'm5']);
    expect((await call(s.server, 'POST', '/api/admin/campaigns/demo/phase', { phase: 'voting' }, admin)).status).toBe(200);
  });

  it('counts participation live from its records, the loaded paper ballots offline, with no personal data', async () => {
    const before = await report(s);
    expect(before.years.map((y) => [y.year, y.source])).toEqual([
      [2023, 'entered'],
      [2024, 'entered'],
      [2026, 'live'],
    ]);
    expect(before.years[0]!.shares).toEqual({ participants16: 0.2435, digitalOfParticipants: 0.0021, digital16: 0.0005 });
    expect(before.years[1]!.shares).toEqual({ participants16: 0.1473, digitalOfParticipants: 0.1015, digital16: 0.0149 });
    const live = liveOf(before);
    expect(live.actions.votes!.offline).toBe(1_912);
    expect(live.actions.support).toEqual({ online: 640, offline: 1_480 });

    await vote(s, 'DEMO-1001');
    await vote(s, 'DEMO-1002');
    clock.days(-60);
    const signed = await call(s.server, 'POST', '/api/auth/voting-code', { code: 'DEMO-1003' });
    const token = (signed.body as { token: string }).token;
    for (const p of ['demo-8', 'demo-9']) expect((await call(s.server, 'POST', `/api/projects/${p}/support`, undefined, bearer(token))).status).toBe(200);
    clock.days(-100);
    const idea = {
      title: 'Скамейки вдоль набережной Тубы',
      description: 'Поставить двадцать скамеек вдоль набережной, чтобы пожилым было где отдохнуть по дороге к рынку.',
      author: { name: 'Анна Секретова', email: 'anna.secret@example.ru', phone: '+7 391 555-12-34' },
      consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }],
    };
    expect((await call(s.server, 'POST', '/api/campaigns/demo/ideas', idea)).status).toBe(202);
    expect((await call(s.server, 'POST', '/api/campaigns/demo/ideas', { ...idea, title: 'Ещё скамейки у рынка' })).status).toBe(202);
    clock.set(NOW);

    const after = await report(s);
    const now = liveOf(after);
    expect(now.actions.votes!.online - live.actions.votes!.online).toBe(2);
    expect(now.actions.support!.online - live.actions.support!.online).toBe(1);
    expect(now.actions.ideas!.online - live.actions.ideas!.online).toBe(1);
    expect(now.participants.online - live.participants.online).toBe(4);
    expect(now.shares.digitalOfParticipants).toBe(Math.floor((2 * now.participants.online * 10_000 + now.participants.online + now.participants.offline) / (2 * (now.participants.online + now.participants.offline))) / 10_000);

    const json = JSON.stringify(after);
    const residents = await s.server.ctx.db.selectFrom('ballots').select('resident_id').where('receipt', 'is not', null).execute();
    for (const secret of ['anna', 'Секретова', '555-12-34', 'DEMO-100', 'paper-', ...residents.map((r) => r.resident_id)]) expect(json).not.toContain(secret);
  });

  it('takes offline counts and earlier years from the administration', async () => {
    const put = (year: number, body: unknown, headers: Record<string, string> = admin) => call(s.server, 'PUT', `/api/admin/campaigns/demo/participation/${year}`, body, headers);
    expect(isError(await put(2026, { offline: { ideas: 1 } }, {}), 'unauthorized')).toBe(true);
    expect(isError(await put(2026, { offline: { ideas: -1 } }), 'invalid-input')).toBe(true);
    expect(isError(await put(2026, { offline: { ideas: 1.5 } }), 'invalid-input')).toBe(true);
    expect(isError(await call(s.server, 'PUT', '/api/admin/campaigns/demo/participation/20x6', {}, admin), 'invalid-input')).toBe(true);

    const before = liveOf(await report(s));
    const res = await put(2026, { offline: { ideas: 100, support: 2_000, votes: 50, comments: 7, total: 2_100 } });
    expect(res.status, res.text).toBe(200);
    const now = liveOf(parseWith(ParticipationReport, res.body, 'report'));
    expect(now.actions.ideas!.offline).toBe(100);
    expect(now.actions.votes!.offline).toBe(1_912 + 50);
    expect(now.actions.comments!.offline).toBe(7);
    // What was entered for this year replaces the earlier entry: the 640 from the Госуслуги platform are gone.
    expect(now.actions.support!.online).toBe(before.actions.support!.online - 640);
    expect(now.participants.offline).toBe(1_912 + 2_100);

    await put(2022, { population: 400_000, population16: 300_000, online: { ideas: 30 }, offline: { ideas: 29_970 } });
    const years = (await report(s)).years;
    expect(years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2026]);
    expect(years[0]).toMatchObject({ source: 'entered', municipality: 'Кедровогорск', participants: { online: 30, offline: 29_970 }, shares: { participants16: 0.1, digital16: 0.0001, digitalOfParticipants: 0.001 } });
    expect((await call(s.server, 'DELETE', '/api/admin/campaigns/demo/participation/2022', undefined, admin)).status).toBe(204);
    expect((await report(s)).years.map((y) => y.year)).toEqual([2023, 2024, 2026]);
  });

  it('puts the other campaigns of the municipality in the years', async () => {
    const campaign = (await call(s.server, 'GET', '/api/campaigns/demo')).body as Record<string, unknown> & { phases: { id: string; start: string; end: string }[] };
    const shift = (iso: string) => new Date(Date.parse(iso) - 365 * DAY).toISOString();
    const last = { ...campaign, id: 'demo-2025', title: 'Народный бюджет Кедровогорска — 2025', phases: campaign.phases.map((p) => ({ ...p, start: shift(p.start), end: shift(p.end) })) };
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/demo-2025', { campaign: last }, admin)).status).toBe(200);
    const other = { ...campaign, id: 'elsewhere', municipality: 'Минусинск' };
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/elsewhere', { campaign: other }, admin)).status).toBe(200);
    const r = await report(s);
    expect(r.years.map((y) => [y.year, y.campaignId ?? null])).toEqual([
      [2023, null],
      [2024, null],
      [2025, 'demo-2025'],
      [2026, 'demo'],
    ]);
    expect((await report(s, 'demo-2025')).years.map((y) => [y.year, y.campaignId ?? null])).toEqual([
      [2025, 'demo-2025'],
      [2026, 'demo'],
    ]);
  });

  it('exports the report as CSV and as a print view, escaped', async () => {
    const csv = await call(s.server, 'GET', '/api/campaigns/demo/participation.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="demo-participation.csv"');
    const lines = csv.text.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFГод;Муниципалитет;Жителей;Жителей 16+;Приняли участие;Доля от жителей 16+, %;')).toBe(true);
    expect(lines[1]).toMatch(/^2023;Красноярский край, ППМИ;429200;330527;80494;24,35;167;0,21;0,05;167;80327;/);
    expect(lines[2]).toMatch(/^2024;Красноярский край, ППМИ;931545;728691;107350;14,73;10891;10,15;1,49;/);

    const tricky = { ...((await call(s.server, 'GET', '/api/campaigns/demo')).body as object), id: 'tricky', title: TRICKY.replace('\u0007', ''), municipality: '<b>Город</b>' };
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/tricky', { campaign: tricky }, admin)).status).toBe(200);
    const html = await call(s.server, 'GET', '/api/campaigns/tricky/participation.html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(html.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(html.text).not.toMatch(/<script|<b>/);
    expect(html.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const demo = await call(s.server, 'GET', '/api/campaigns/demo/participation.html');
    for (const share of ['24,35 %', '0,21 %', '0,05 %', '14,73 %', '10,15 %', '1,49 %']) expect(demo.text.replace(/\u00a0/g, ' ')).toContain(share);
  });

  it('describes the new routes in its OpenAPI document', async () => {
    const doc = (await call(s.server, 'GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns/{campaignId}/updates',
        '/api/campaigns/{campaignId}/updates.atom',
        '/api/projects/{projectId}/updates.atom',
        '/api/campaigns/{campaignId}/participation',
        '/api/admin/campaigns/{campaignId}/updates',
        '/api/admin/campaigns/{campaignId}/participation/{year}',
      ]),
    );
  });
});

describe.each(ENGINES)('veche-server participation and update on %s', (engine) => {
  const suite = useCli(engine);
  const { cli } = suite;

  it('enters offline counts and earlier years, prints the report, publishes news', async () => {
    expect((await cli('seed-demo')).code).toBe(0);
    const shown = await cli('participation', 'demo');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.replace(/\u00a0/g, ' ')).toMatch(/2023 +429 200 +330 527 +80 494 +24,35 % +167 +0,21 % +0,05 %/);
    const year = shown.stdout.match(/^ ?(20\d\d) .*сейчас \(demo\)$/m)![1]!;

    const entered = await cli('participation', 'demo', '--year', year, '--offline-votes', '300', '--offline-total', '2000');
    expect(entered.code, entered.stderr).toBe(0);
    const again = await cli('participation', 'demo', '--offline-comments', '12');
    expect(again.code, again.stderr).toBe(0);
    const history = await cli('participation', 'demo', '--year', '2021', '--population', '10000', '--population16', '8000', '--online-ideas', '8', '--offline-ideas', '792');
    expect(history.stdout.replace(/\u00a0/g, ' ')).toMatch(/2021 +10 000 +8 000 +800 +10 % +8 +1 % +0,1 % +введено/);

    const { createServer, loadConfig, openDatabase } = await import('../../packages/server/src/index.ts');
    const database = await openDatabase({ databaseUrl: suite.env['DATABASE_URL'], dataDir: suite.env['DATA_DIR'] ?? ':memory:' });
    const server = await createServer({ config: { ...loadConfig({}), dataDir: suite.env['DATA_DIR'] ?? ':memory:' }, database, rateLimit: false });
    try {
      const answer = await call(server, 'GET', '/api/campaigns/demo/participation');
      expect(answer.status, answer.text).toBe(200);
      const r = parseWith(ParticipationReport, answer.body, 'report');
      const live = liveOf(r);
      // Offline counts stay when another flag is given later.
      expect(live.actions.votes!.offline).toBe(1_912 + 300);
      expect(live.actions.comments!.offline).toBe(12);
      expect(live.participants.offline).toBe(1_912 + 2_000);
      expect(r.years.map((y) => y.year)).toContain(2021);
    } finally {
      await server.close();
      await database.close();
    }

    expect((await cli('participation', 'demo', '--year', '2021', '--clear')).stdout).not.toMatch(/^ ?2021 /m);
    const bad = await cli('participation', 'demo', '--offline-ideas', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--offline-ideas must be a whole number');
    expect((await cli('participation', 'nope')).stderr).toContain('There is no campaign nope');

    const news = await cli('update', 'demo', '--title', 'Площадка открыта', '--text', 'Приходите!', '--project', 'demo-14');
    expect(news.code, news.stderr).toBe(0);
    expect(news.stdout.trim()).toMatch(/^news-/);
    expect((await cli('update', 'demo')).code).toBe(2);
  });
});
