import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../packages/server/src/staff/totp.ts';
import { type AdminServer, expectAccessible, expectNoSidewaysScroll, openConsole, signIn, startAdminServer } from './support/admin.ts';
import { launch } from './support/browser.ts';

/**
 * The first sign-in to the administration console: the CLI creates the first administrator with a
 * one-time password, who must choose a password of their own, sets up the second factor from the QR
 * code's secret, signs out and back in with a code; the audit log records each step.
 */
describe('administration console: first sign-in', () => {
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

  it('the first administrator from the CLI signs in, changes the one-time password, turns on TOTP and signs in with a code', async () => {
    const added = await server.cli(['staff', 'add', '--email', 'mayor@kedrovogorsk.example', '--name', 'Анна Петровна', '--role', 'administrator']);
    expect(added.code, added.stderr).toBe(0);
    const oneTime = /One-time password[^:]*: (\S+)/.exec(added.stdout)![1]!;

    const { page, errors } = await openConsole(browser, server);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход для сотрудников');
    await expectAccessible(page, 'sign-in');

    // A wrong password first: the answer does not say which part was wrong.
    await signIn(page, 'mayor@kedrovogorsk.example', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Нужно войти');
    errors.length = 0; // the 401 of the wrong password is expected

    await signIn(page, 'mayor@kedrovogorsk.example', oneTime);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Задайте свой пароль');
    await expectAccessible(page, 'password change');
    await page.getByLabel('Текущий пароль').fill(oneTime);
    await page.getByLabel('Новый пароль', { exact: true }).fill('кедр и сосна 2027');
    await page.getByLabel('Новый пароль ещё раз').fill('кедр и сосна 2027');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Кампании');
    await expect.poll(() => page.getByRole('link', { name: /Народный бюджет Кедровогорска/ }).count()).toBe(1);
    await expectAccessible(page, 'campaigns');

    await page.getByRole('navigation').getByRole('link', { name: 'Мой профиль' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Мой профиль');
    await page.getByRole('button', { name: 'Настроить второй фактор' }).click();
    const secret = (await page.locator('veche-admin-account').locator('#secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('img', { name: 'QR-код для приложения-аутентификатора' }).count()).toBe(1);
    await expectAccessible(page, 'account with TOTP setup');
    await page.getByLabel('Введите 6 цифр из приложения').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Включить' }).click();
    await expect.poll(() => page.locator('veche-admin-account').getByText('Включён').count()).toBe(1);

    await page.getByRole('banner').getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход для сотрудников');
    await signIn(page, 'mayor@kedrovogorsk.example', 'кедр и сосна 2027');
    await page.getByLabel('Код из приложения').waitFor();
    errors.length = 0; // the 401 that asks for the code is expected
    // A fresh code of the next time step (the one of the setup is spent).
    const next = new Date(Math.ceil(Date.now() / 30_000) * 30_000 + 1000);
    await page.waitForTimeout(Math.max(0, next.getTime() - Date.now()));
    await page.getByLabel('Код из приложения').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Войти' }).click();
    // Back where the staff member was, with the second factor on.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Мой профиль');
    expect(await page.locator('veche-admin-account').getByText('Включён').count()).toBe(1);
    expect(errors).toEqual([]);

    const actions = (await server.audit({ targetType: 'staff' })).map((e) => `${e.action} ${e.actor}`).reverse();
    expect(actions).toEqual([
      'staff.add CLI',
      'staff.sign-in-failed Анна Петровна <mayor@kedrovogorsk.example>',
      'staff.sign-in Анна Петровна <mayor@kedrovogorsk.example>',
      'staff.password-change Анна Петровна <mayor@kedrovogorsk.example>',
      'staff.totp-on Анна Петровна <mayor@kedrovogorsk.example>',
      'staff.sign-out Анна Петровна <mayor@kedrovogorsk.example>',
      'staff.sign-in Анна Петровна <mayor@kedrovogorsk.example>',
    ]);
    await page.close();
  });

  it('English, the low-vision theme and 200 % zoom: the staff screen and the audit log', async () => {
    const admin = await server.staff('it@kedrovogorsk.example', 'administrator');
    const { page, errors } = await openConsole(browser, server, { viewport: { width: 640, height: 900 } });
    await page.getByLabel('Язык').selectOption('en');
    await page.getByLabel('Theme').selectOption('contrast');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Campaigns');
    await expectNoSidewaysScroll(page, 'campaigns');

    await page.getByRole('link', { name: 'Staff' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff');
    await page.getByLabel('E-mail').fill('moderator@kedrovogorsk.example');
    await page.getByLabel('Name').fill('Олег');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('#one-time').count()).toBe(1);
    await expectAccessible(page, 'staff (en, contrast)');
    await expectNoSidewaysScroll(page, 'staff');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.getByText('Staff member added').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'audit log (en, contrast)');
    await expectNoSidewaysScroll(page, 'audit log');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
    await page.close();
  });
});
