import { readFile } from 'node:fs/promises';
import { type Campaign, type ComputedResults, type ParticipationReport, type Project, type Selection, computeResults, formatNumber, formatShare, parsePabulib } from '@veche/core';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCodes } from '../../packages/server/src/index.ts';
import { type AdminServer, expectAccessible, openConsole, signIn, startAdminServer } from './support/admin.ts';
import { launch } from './support/browser.ts';

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Clicks a button that offers a file and returns the file's text. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/**
 * Publishing results in the console: an administrator previews the preliminary results of the demo
 * vote (1,912 paper ballots and one cast on the site now), publishes them, downloads the CSV and the
 * Pabulib file — each checked against computeResults over the ballots the database holds — and enters
 * offline counts in the participation report, whose figures change; the audit log records each step.
 */
describe('administration console: publishing results', () => {
  let server: AdminServer;
  let browser: Browser;
  let campaign: Campaign;
  let projects: Project[];
  let expected: ComputedResults;
  let ballotCount: number;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launch();
    campaign = (await fetch(`${server.api}/campaigns/demo`).then((r) => r.json())) as Campaign;
    projects = ((await fetch(`${server.api}/campaigns/demo/projects?status=shortlisted&limit=100`).then((r) => r.json())) as { items: Project[] }).items;
    expect(projects.length).toBeGreaterThan(3);

    // One resident votes on the site now, for the two cheapest projects.
    const [code] = await issueCodes(server.server.ctx, 'demo', 1);
    const session = (await fetch(`${server.api}/auth/voting-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then((r) => r.json())) as { token: string };
    const cheapest = [...projects].sort((a, b) => a.cost - b.cost).slice(0, 2);
    const cast = await fetch(`${server.api}/campaigns/demo/ballot/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ selection: cheapest.map((p) => ({ projectId: p.id })) }),
    });
    expect(cast.status).toBe(200);

    // What the results must be: computeResults over every submitted ballot in the database.
    const rows = await server.server.ctx.db.selectFrom('ballots').select(['resident_id', 'selection']).where('campaign_id', '=', 'demo').where('status', '=', 'submitted').execute();
    const ballots = rows.map((r) => ({ voterId: r.resident_id, selection: JSON.parse(r.selection) as Selection[] }));
    ballotCount = ballots.length;
    expect(ballotCount).toBeGreaterThan(1000);
    expected = computeResults({ budget: campaign.votingRules.budget ?? campaign.budget, districts: campaign.districts, projects, ballots });
    expect(expected.projects.some((p) => p.selected)).toBe(true);
    expect(expected.projects.some((p) => !p.selected)).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('previews, publishes, exports CSV and Pabulib that match computeResults, and enters offline counts', async () => {
    const admin = await server.staff('results@kedrovogorsk.example', 'administrator');
    const who = 'results <results@kedrovogorsk.example>';
    const { page, errors } = await openConsole(browser, server);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: /Народный бюджет Кедровогорска/ }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Итоги' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Итоги');
    const screen = page.locator('veche-admin-results');
    const table = screen.getByRole('table', { name: /^Итоги: / });
    await table.waitFor();

    // The preview: preliminary (residents do not see it yet), ranked as computeResults ranks.
    expect(await screen.getByText('Предварительные итоги (жители их ещё не видят)').count()).toBe(1);
    expect((await fetch(`${server.api}/campaigns/demo/results`)).status).toBe(409);
    const titleOf = new Map(projects.map((p) => [p.id, p.title]));
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(shown.map((r) => r[1])).toEqual(expected.projects.map((p) => titleOf.get(p.id)));
    expect(shown.map((r) => r[3])).toEqual(expected.projects.map((p) => formatNumber(p.votes, 'ru')));
    expect(shown.map((r) => r[5] === 'Победитель')).toEqual(expected.projects.map((p) => p.selected));
    expect(await screen.getByText(`Проголосовали: ${formatNumber(expected.turnout, 'ru')}.`, { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'results preview');

    // Publish (voting is still open: the console asks, and the dialog is accepted).
    await screen.getByRole('button', { name: 'Опубликовать итоги' }).click();
    await expect.poll(() => screen.getByText('Итоги опубликованы', { exact: true }).count()).toBe(1);
    expect(await screen.getByRole('button', { name: 'Опубликовать итоги' }).count()).toBe(0);
    const published = (await fetch(`${server.api}/campaigns/demo/results`).then((r) => r.json())) as { status: string; turnout: number; projects: ComputedResults['projects'] };
    expect(published).toMatchObject({ status: 'final', turnout: expected.turnout, projects: expected.projects });

    // The CSV: one row a project in ranking order, then the anonymous ballots.
    const csv = await downloaded(page, screen.getByRole('button', { name: 'Скачать CSV' }));
    expect(csv.name).toBe('demo.csv');
    const [header, ...rest] = parseCsv(csv.text);
    expect(header).toEqual(['section', 'project_id', 'title', 'cost', 'votes', 'points', 'selected', 'voter']);
    const results = rest.filter((r) => r[0] === 'result');
    expect(results.map((r) => [r[1], r[2], Number(r[3]), Number(r[4]), Number(r[5]), r[6] === '1'])).toEqual(
      expected.projects.map((p) => [p.id, titleOf.get(p.id), projects.find((x) => x.id === p.id)!.cost, p.votes, p.points, p.selected]),
    );
    const choices = rest.filter((r) => r[0] === 'ballot');
    expect(new Set(choices.map((r) => r[7])).size).toBe(ballotCount);
    for (const p of expected.projects) expect(choices.filter((r) => r[1] === p.id).length, p.id).toBe(p.votes);

    // The Pabulib file: the same ballots and winners.
    const pb = await downloaded(page, screen.getByRole('button', { name: 'Скачать Pabulib (.pb)' }));
    expect(pb.name).toBe('demo.pb');
    const data = parsePabulib(pb.text);
    expect(data.meta['budget']).toBe(String(campaign.votingRules.budget ?? campaign.budget));
    expect(data.votes).toHaveLength(ballotCount);
    const recount = computeResults({
      budget: Number(data.meta['budget']),
      districts: campaign.districts,
      projects: data.projects.map((p) => ({ id: p.id, cost: p.cost, ...(projects.find((x) => x.id === p.id)!.districtId ? { districtId: projects.find((x) => x.id === p.id)!.districtId } : {}) })),
      ballots: data.votes.map((v) => ({ voterId: v.voterId, selection: v.projectIds.map((projectId) => ({ projectId })) })),
    });
    expect(recount.projects).toEqual(expected.projects);
    expect(Object.fromEntries(data.projects.map((p) => [p.id, [Number(p['votes']), p.selected]]))).toEqual(Object.fromEntries(expected.projects.map((p) => [p.id, [p.votes, p.selected]])));
    await expectAccessible(page, 'results published');

    // The participation report: offline counts of this year, and the figures change.
    const before = (await fetch(`${server.api}/campaigns/demo/participation`).then((r) => r.json())) as ParticipationReport;
    const year = before.year;
    const row = () => screen.getByRole('table', { name: 'Отчёт об участии' }).locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${year}$`) }) });
    const offlineBefore = before.years.find((y) => y.year === year)!.participants.offline;
    await expect.poll(() => row().locator('td').nth(1).textContent()).toBe(formatNumber(offlineBefore, 'ru'));
    const form = screen.locator('form', { has: page.getByRole('button', { name: 'Сохранить офлайн-данные' }) });
    // The form shows what was entered before (the demo's paper support lists).
    expect(await form.getByLabel('Всего участников').inputValue()).toBe('1560');
    expect(await form.getByLabel('Поддержали').inputValue()).toBe('1480');
    await form.getByLabel('Проголосовали').fill('250');
    await form.getByLabel('Всего участников').fill('1900');
    await expectAccessible(page, 'participation form');
    await form.getByRole('button', { name: 'Сохранить офлайн-данные' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Офлайн-данные сохранены');
    await expect.poll(() => row().locator('td').nth(1).textContent()).toBe(formatNumber(offlineBefore + 340, 'ru'));
    const after = (await fetch(`${server.api}/campaigns/demo/participation`).then((r) => r.json())) as ParticipationReport;
    const mine = after.years.find((y) => y.year === year)!;
    expect(mine.participants.offline).toBe(offlineBefore + 340);
    expect(mine.actions.votes!.offline).toBe(before.years.find((y) => y.year === year)!.actions.votes!.offline + 250);
    // What else was entered for the year (online figures from other tools) is kept.
    expect(mine.actions.support!.online).toBe(before.years.find((y) => y.year === year)!.actions.support!.online);
    expect(mine.shares.participants16).toBeGreaterThan(before.years.find((y) => y.year === year)!.shares.participants16!);
    expect(await row().locator('td').nth(2).textContent()).toBe(formatShare(mine.shares.participants16!, 'ru'));
    expect(errors).toEqual([]);

    const log = (await server.audit({ campaign: 'demo' })).reverse();
    expect(log.map((e) => `${e.action} ${e.actor}`)).toEqual([`results.publish ${who}`, `results.export ${who}`, `results.export ${who}`, `participation.save ${who}`]);
    expect(log[0]!.before).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'voting' })]));
    expect(log.slice(1, 3).map((e) => (e.details as { query: { format: string } }).query.format)).toEqual(['csv', 'pb']);
    expect(log[3]).toMatchObject({ targetType: 'participation', targetId: `demo/${year}`, before: { offline: { total: 1560, support: 1480 } }, after: { offline: { total: 1900, votes: 250, support: 1480 }, online: { support: 640 } } });

    // The same steps in the console's audit log, and in its CSV export.
    await page.getByRole('navigation').getByRole('link', { name: 'Журнал действий' }).click();
    const audit = page.locator('veche-admin-audit');
    await audit.getByLabel('Кампания').fill('demo');
    await audit.getByRole('button', { name: 'Показать' }).click();
    const entries = audit.getByRole('list', { name: 'Записи журнала, новые сверху' }).locator(':scope > li');
    await expect.poll(() => entries.count()).toBe(4);
    expect((await entries.allTextContents()).map((text) => text.trim().split(' · ')[0])).toEqual(['Изменён отчёт об участии', 'Выгрузка итогов', 'Выгрузка итогов', 'Итоги опубликованы']);
    const exported = await downloaded(page, audit.getByRole('button', { name: 'Скачать CSV' }));
    const [auditHeader, ...auditRows] = parseCsv(exported.text);
    expect(auditHeader!.slice(0, 4)).toEqual(['at', 'actor', 'role', 'action']);
    expect(auditRows.map((r) => [r[1], r[3], r[6]])).toEqual(log.map((e) => [who, e.action, 'demo']));
    expect(errors).toEqual([]);
    await page.close();
  });
});
