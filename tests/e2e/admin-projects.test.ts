import type { Project, UpdatePage } from '@veche/core';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1X1 } from '../node/support/values.ts';
import { type AdminServer, expectAccessible, openConsole, signIn, startAdminServer } from './support/admin.ts';
import { launch } from './support/browser.ts';

const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: Buffer.from(PNG_1X1) });

/**
 * Following a project after the vote in the console: a milestone with a described photo, and a news
 * item with a photo that residents see in the project's feed until it is taken down; news of the whole
 * campaign from a moderator; the audit log records each step.
 */
describe('administration console: milestones with photos and project news', () => {
  let server: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a milestone with a photo, publishes news with a photo and takes it down', async () => {
    // A project on the ballot that has no news yet.
    const onBallot = ((await fetch(`${server.api}/campaigns/demo/projects?status=shortlisted&limit=100`).then((r) => r.json())) as { items: Project[] }).items;
    const quiet = await Promise.all(onBallot.map(async (p) => ((await fetch(`${server.api}/projects/${p.id}/updates`).then((r) => r.json())) as UpdatePage).items.length === 0));
    const project = onBallot.find((_, i) => quiet[i])!;
    const admin = await server.staff('works@kedrovogorsk.example', 'administrator');
    const who = 'works <works@kedrovogorsk.example>';
    const { page, errors } = await openConsole(browser, server);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: /Народный бюджет Кедровогорска/ }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Проекты' }).click();
    const screen = page.locator('veche-admin-projects');
    await screen.getByRole('button', { name: project.title, exact: true }).click();
    await expect.poll(() => screen.getByRole('heading', { level: 2 }).textContent()).toBe(project.title);
    await expect.poll(() => screen.getByText('Новостей о проекте пока нет.').count()).toBe(1);

    // A milestone, done, with a photo described for those who cannot see it.
    const n = project.milestones.length;
    await screen.getByRole('button', { name: 'Добавить этап' }).click();
    await screen.locator(`#ms-title-${n}`).fill('Опоры освещения установлены');
    await screen.locator(`#ms-date-${n}`).fill('2026-05-20');
    await screen.locator(`#ms-photo-${n}`).setInputFiles(photo('opory.png'));
    await expect.poll(() => screen.locator(`#ms-alt-${n}-0`).count()).toBe(1);
    await screen.locator(`#ms-alt-${n}-0`).fill('Новые опоры вдоль аллеи у школы');
    await screen.getByLabel('Выполнен', { exact: true }).nth(n).check();
    await screen.getByRole('button', { name: 'Сохранить проект' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Проект сохранён');
    const saved = (await fetch(`${server.api}/projects/${project.id}`).then((r) => r.json())) as Project;
    const milestone = saved.milestones[n]!;
    expect(milestone).toMatchObject({ title: 'Опоры освещения установлены', date: '2026-05-20', done: true, photos: [{ alt: 'Новые опоры вдоль аллеи у школы', width: 1, height: 1 }] });
    const image = await fetch(new URL(milestone.photos[0]!.url, server.origin));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('image/png');
    expect(await screen.getByRole('img', { name: 'Новые опоры вдоль аллеи у школы' }).count()).toBe(1);

    // A news item with a photo: in the project's feed for residents, then taken down.
    const news = screen.locator('form', { has: page.getByRole('button', { name: 'Опубликовать новость' }) });
    await news.getByLabel('Заголовок').fill('Аллея у школы освещена');
    await news.getByLabel('Текст').fill('Подрядчик установил двенадцать опор; фонари включаются с наступлением темноты.');
    await news.getByLabel('Добавить фото').setInputFiles(photo('alleya.png'));
    await news.locator('#n-alt-0').fill('Освещённая аллея вечером');
    await expectAccessible(page, 'project editor with a milestone photo and a news photo');
    await news.getByRole('button', { name: 'Опубликовать новость' }).click();
    const listed = screen.getByRole('list', { name: 'Новости проекта' }).getByRole('listitem');
    await expect.poll(() => listed.filter({ hasText: 'Аллея у школы освещена' }).count()).toBe(1);
    expect(await news.getByLabel('Заголовок').inputValue()).toBe('');
    const feed = (await fetch(`${server.api}/projects/${project.id}/updates`).then((r) => r.json())) as UpdatePage;
    const item = feed.items.find((i) => i.title === 'Аллея у школы освещена')!;
    expect(item).toMatchObject({ kind: 'news', projectId: project.id, photos: [{ alt: 'Освещённая аллея вечером' }] });
    await expectAccessible(page, 'project news listed');

    await listed.filter({ hasText: 'Аллея у школы освещена' }).getByRole('button', { name: 'Снять: Аллея у школы освещена' }).click();
    await expect.poll(() => listed.filter({ hasText: 'Аллея у школы освещена' }).count()).toBe(0);
    const after = (await fetch(`${server.api}/projects/${project.id}/updates`).then((r) => r.json())) as UpdatePage;
    expect(after.items.map((i) => i.id)).not.toContain(item.id);
    expect(errors).toEqual([]);

    const log = (await server.audit({ campaign: 'demo' })).reverse();
    expect(log.map((e) => `${e.action} ${e.actor}`)).toEqual([
      `upload.photo ${who}`,
      `project.save ${who}`,
      `upload.photo ${who}`,
      `update.publish ${who}`,
      `update.delete ${who}`,
    ]);
    expect(log[1]).toMatchObject({ targetType: 'project', targetId: project.id });
    expect((log[1]!.before as Project).milestones).toHaveLength(n);
    expect((log[1]!.after as Project).milestones[n]).toMatchObject({ title: 'Опоры освещения установлены', photos: [{ alt: 'Новые опоры вдоль аллеи у школы' }] });
    expect(log[3]!.details).toMatchObject({ body: { projectId: project.id, title: 'Аллея у школы освещена' } });
    await page.close();
  });

  it('a moderator publishes news of the whole campaign on the news screen, residents see it in the feed', async () => {
    const moderator = await server.staff('press@kedrovogorsk.example', 'moderator');
    const { page, errors } = await openConsole(browser, server);
    await signIn(page, moderator.email, moderator.password);
    await page.getByRole('link', { name: /Народный бюджет Кедровогорска/ }).click();
    // Photos are the administrator's to upload: a moderator's project editor offers none.
    await page.getByRole('navigation').getByRole('link', { name: 'Проекты' }).click();
    const projects = page.locator('veche-admin-projects');
    await projects.locator('tbody th button').first().click();
    await projects.getByRole('button', { name: 'Добавить этап' }).click();
    await projects.locator('veche-admin-news').getByLabel('Заголовок').waitFor();
    expect(await projects.getByLabel('Добавить фото').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Новости' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Новости');
    const screen = page.locator('veche-admin-news');
    const listed = screen.getByRole('list', { name: 'Опубликованные новости, новые сверху' }).getByRole('listitem');
    // The demo's own items are there: news of a project and the phases that began.
    await expect.poll(() => listed.filter({ hasText: 'Ремонт трибун стадиона «Кедр»: подрядчик выбран' }).count()).toBe(1);
    // A moderator publishes news but does not upload photos (the administrator's right).
    expect(await screen.getByLabel('Добавить фото').count()).toBe(0);
    expect(await screen.getByLabel('О чём новость').inputValue()).toBe('');
    await screen.getByLabel('Заголовок').fill('Голосование продлено до воскресенья');
    await screen.getByLabel('Текст').fill('По просьбам жителей бумажные бюллетени принимаются ещё два дня.');
    await screen.getByLabel('Ссылка «Подробнее» (необязательно)').fill('https://kedrovogorsk.example/news/golosovanie');
    await expectAccessible(page, 'news screen');
    await screen.getByRole('button', { name: 'Опубликовать новость' }).click();
    await expect.poll(() => listed.first().textContent()).toContain('Голосование продлено до воскресенья');
    expect(await listed.first().textContent()).toContain('Вся кампания');

    const feed = (await fetch(`${server.api}/campaigns/demo/updates`).then((r) => r.json())) as UpdatePage;
    expect(feed.items[0]).toMatchObject({ kind: 'news', title: 'Голосование продлено до воскресенья', link: 'https://kedrovogorsk.example/news/golosovanie' });
    expect(feed.items[0]!.projectId).toBeUndefined();
    expect(errors).toEqual([]);
    const log = await server.audit({ actor: 'press@kedrovogorsk.example', action: 'update.publish' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ campaignId: 'demo', role: 'moderator', details: { body: { title: 'Голосование продлено до воскресенья' } } });
    await page.close();
  });
});
