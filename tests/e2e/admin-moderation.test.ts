import type { Campaign, CommentPage } from '@veche/core';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movePhase } from '../../packages/server/src/index.ts';
import { type AdminServer, expectAccessible, openConsole, signIn, startAdminServer } from './support/admin.ts';
import { launch } from './support/browser.ts';

/**
 * Moderating ideas in the console as a moderator: residents' ideas arrive through the public API; the
 * moderator rejects one by keyboard with a reason that reaches its author, edits another (the edit shows
 * in its history) and publishes it, merges a duplicate into it, publishes two at once; the audit log
 * records each step.
 */
describe('administration console: moderating ideas', () => {
  let server: AdminServer;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launch();
    await movePhase(server.server.ctx, 'demo', 'ideas');
    const campaign = (await fetch(`${server.api}/campaigns/demo`).then((r) => r.json())) as Campaign;
    const consents = campaign.consents.filter((c) => c.required).map((c) => ({ kind: c.kind, version: c.version, accepted: true }));
    const ideas = {
      fireworks: ['Салют над Тубой каждый вечер', 'Каждый вечер запускать салют над рекой Тубой для всех жителей города и гостей.', 'fireworks@example.ru'],
      lights: ['Фонари на улице Лесной', 'Поставить двенадцать фонарей вдоль улицы Лесной от школы до остановки автобуса.', 'lights@example.ru'],
      lamps: ['Освещение Лесной улицы', 'Улица Лесная совсем тёмная вечером, нужны фонари от школы до автобусной остановки.', 'lamps@example.ru'],
      benches: ['Скамейки в сквере Победы', 'Поставить десять скамеек в сквере Победы вдоль центральной аллеи у фонтана.', 'benches@example.ru'],
      bins: ['Урны у набережной', 'Поставить урны для раздельного сбора мусора вдоль набережной Тубы через каждые сто метров.', 'bins@example.ru'],
    };
    for (const [key, [title, description, email]] of Object.entries(ideas)) {
      const answer = await fetch(`${server.api}/campaigns/demo/ideas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, description, author: { name: 'Житель', email }, consents }),
      });
      expect(answer.status).toBe(202);
      ids[key] = ((await answer.json()) as { id: string }).id;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('rejects by keyboard with a reason sent to the author, edits with history, publishes, merges a duplicate and publishes in bulk', async () => {
    const moderator = await server.staff('moderator@kedrovogorsk.example', 'moderator');
    const { page, errors } = await openConsole(browser, server);
    await signIn(page, moderator.email, moderator.password);
    await page.getByRole('link', { name: /Народный бюджет Кедровогорска/ }).click();
    // A moderator sees the campaign read-only and the moderation screens, not codes of the administrator.
    await expect.poll(() => page.locator('veche-admin-campaign-editor').getByText('Изменять кампанию может только администратор.').count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Код для сайта' }).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Модерация' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Модерация');
    const queue = page.locator('veche-admin-moderation');
    const row = (title: string) => queue.getByRole('button', { name: title, exact: true });
    await row('Салют над Тубой каждый вечер').waitFor();
    await expectAccessible(page, 'moderation queue');

    // Keyboard: the first idea of the queue is the demo's own; j moves on to the fireworks, r rejects.
    const titles = await queue.locator('tbody [data-row]').allTextContents();
    const fireworks = titles.indexOf('Салют над Тубой каждый вечер');
    await queue.locator('[data-row="0"]').focus();
    for (let i = 0; i < fireworks; i++) await page.keyboard.press('j');
    expect(await queue.evaluate((el) => el.shadowRoot!.activeElement?.textContent)).toBe('Салют над Тубой каждый вечер');
    await page.keyboard.press('r');
    const dialog = queue.getByRole('dialog');
    await dialog.getByLabel('Причина отказа (её увидит автор)').fill('Салют каждый вечер нарушает тишину и не относится к благоустройству.');
    await expectAccessible(page, 'reject dialog');
    await dialog.getByRole('button', { name: 'Отклонить' }).click();
    await expect.poll(() => row('Салют над Тубой каждый вечер').count()).toBe(0);
    expect(server.notices.at(-1)).toMatchObject({ contact: 'fireworks@example.ru' });
    expect(server.notices.at(-1)!.text).toContain('нарушает тишину');

    // Edit with a visible history, then publish with p.
    await row('Фонари на улице Лесной').click();
    const detail = queue.getByRole('region', { name: /Редактирование/ });
    await detail.getByLabel('Название').fill('Фонари на улице Лесной (12 шт.)');
    await detail.getByRole('button', { name: 'Сохранить правку' }).click();
    await expect.poll(() => detail.getByRole('listitem').filter({ hasText: 'Изменён проект' }).count()).toBe(1);
    expect(await detail.getByRole('listitem').filter({ hasText: 'Изменён проект' }).textContent()).toContain('Фонари на улице Лесной (12 шт.)');
    await expectAccessible(page, 'idea editor with history');
    await row('Фонари на улице Лесной (12 шт.)').focus();
    await page.keyboard.press('p');
    await dialog.getByRole('button', { name: 'Опубликовать' }).click();
    await expect.poll(() => row('Фонари на улице Лесной (12 шт.)').count()).toBe(0);

    // Merge the duplicate into the published idea.
    await queue.getByRole('button', { name: 'Объединить: Освещение Лесной улицы' }).click();
    await dialog.getByLabel('С какой идеей объединить').selectOption({ label: 'Фонари на улице Лесной (12 шт.) (Опубликована)' });
    await dialog.getByRole('button', { name: 'Объединить' }).click();
    await expect.poll(() => row('Освещение Лесной улицы').count()).toBe(0);

    // Two at once.
    await queue.getByLabel('Отметить «Скамейки в сквере Победы»').check();
    await queue.getByLabel('Отметить «Урны у набережной»').check();
    await queue.getByRole('button', { name: 'Опубликовать отмеченные' }).click();
    await dialog.getByRole('button', { name: 'Опубликовать' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Готово: 2');
    await expect.poll(() => row('Урны у набережной').count()).toBe(0);

    // Comments have their own queue.
    await queue.getByRole('button', { name: 'Комментарии' }).click();
    await expect.poll(() => queue.getByLabel('Очередь').count()).toBe(1);
    await expectAccessible(page, 'comment queue');
    expect(errors).toEqual([]);

    const published = (await fetch(`${server.api}/campaigns/demo/projects?status=published&limit=100`).then((r) => r.json())) as { items: { id: string; title: string }[] };
    expect(published.items.map((p) => p.title)).toEqual(expect.arrayContaining(['Фонари на улице Лесной (12 шт.)', 'Скамейки в сквере Победы', 'Урны у набережной']));
    const merged = (await fetch(`${server.api}/projects/${ids['lamps']}`).then((r) => r.json())) as { status: string; statusNote: string };
    expect(merged).toMatchObject({ status: 'rejected', statusNote: `Объединена с идеей «Фонари на улице Лесной (12 шт.)» (${ids['lights']}).` });

    const log = (await server.audit({ targetType: 'project' })).reverse();
    const who = 'moderator <moderator@kedrovogorsk.example>';
    expect(log.map((e) => `${e.action} ${e.targetId} ${e.actor}`)).toEqual([
      `idea.rejected ${ids['fireworks']} ${who}`,
      `project.save ${ids['lights']} ${who}`,
      `idea.published ${ids['lights']} ${who}`,
      `idea.rejected ${ids['lamps']} ${who}`,
      `idea.merge ${ids['lamps']} ${who}`,
      `idea.published ${ids['benches']} ${who}`,
      `idea.published ${ids['bins']} ${who}`,
    ]);
    expect(log[0]!.details).toMatchObject({ reason: 'Салют каждый вечер нарушает тишину и не относится к благоустройству.', notified: expect.stringContaining('@example.ru') });
    expect(log[0]!.before).toMatchObject({ status: 'submitted' });
    expect(log[0]!.after).toMatchObject({ status: 'rejected' });
    expect(log[1]!.before).toMatchObject({ title: 'Фонари на улице Лесной' });
    expect(log[1]!.after).toMatchObject({ title: 'Фонари на улице Лесной (12 шт.)' });
    await page.close();
  });

  it('hides a comment with a reason and answers another for the administration, pinned in its thread', async () => {
    const moderator = await server.staff('comments@kedrovogorsk.example', 'moderator');
    const { page, errors } = await openConsole(browser, server);
    await signIn(page, moderator.email, moderator.password);
    await page.getByRole('link', { name: /Народный бюджет Кедровогорска/ }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Модерация' }).click();
    const queue = page.locator('veche-admin-moderation');
    await queue.getByRole('button', { name: 'Комментарии' }).click();
    await queue.getByLabel('Очередь').selectOption({ label: 'Опубликованные' });
    const card = (text: string) => queue.getByRole('listitem').filter({ hasText: text });
    const parking = 'стоянку во дворе урезать нельзя';
    const who = 'А кто будет следить за площадкой';
    await card(parking).waitFor();

    await card(parking).getByRole('button', { name: 'Скрыть…' }).click();
    await card(parking).getByLabel('Причина (останется в журнале; необязательно)').fill('Повтор комментария из другой ветки.');
    await expectAccessible(page, 'hiding a comment');
    await card(parking).getByRole('button', { name: 'Скрыть комментарий' }).click();
    await expect.poll(() => card(parking).count()).toBe(0);

    await card(who).getByRole('button', { name: 'Ответить от администрации…' }).click();
    expect(await card(who).getByLabel('Подпись').inputValue()).toBe('Администрация');
    await card(who).getByLabel('Подпись').fill('МКУ «Благоустройство»');
    await card(who).getByLabel('Ответ', { exact: true }).fill('Площадку передадут на обслуживание МКУ «Благоустройство»; осмотр раз в неделю.');
    await expectAccessible(page, 'answering a comment');
    await card(who).getByRole('button', { name: 'Опубликовать ответ' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Ответ опубликован');

    // The hidden one is in the hidden queue with its reason.
    await queue.getByLabel('Очередь').selectOption({ label: 'Скрытые' });
    await expect.poll(() => card(parking).count()).toBe(1);
    expect(await card(parking).textContent()).toContain('Повтор комментария из другой ветки.');
    expect(errors).toEqual([]);

    // What residents see: the hidden comment gone, the answer in the thread, marked official.
    const thread = (await fetch(`${server.api}/projects/demo-1/comments?limit=50`).then((r) => r.json())) as CommentPage;
    expect(thread.items.map((c) => c.id)).not.toContain('c-1-2');
    const asked = thread.items.find((c) => c.id === 'c-1-3')!;
    expect(asked.replies).toEqual([expect.objectContaining({ official: true, authorName: 'МКУ «Благоустройство»', body: 'Площадку передадут на обслуживание МКУ «Благоустройство»; осмотр раз в неделю.' })]);

    const log = (await server.audit({ actor: 'comments@kedrovogorsk.example' })).filter((e) => e.action.startsWith('comment.')).reverse();
    expect(log.map((e) => `${e.action} ${e.targetType} ${e.targetId}`)).toEqual(['comment.moderate comment c-1-2', 'comment.official-answer project demo-1']);
    expect(log[0]).toMatchObject({ before: { status: 'published' }, after: { status: 'hidden', note: 'Повтор комментария из другой ветки.' } });
    expect(log[1]!.details).toMatchObject({ body: { parentId: 'c-1-3', authorName: 'МКУ «Благоустройство»' } });
    await page.close();
  });
});
