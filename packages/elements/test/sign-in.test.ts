import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, type Identity, type VecheAdapter } from '@veche/core';
import '../src/provider/define.ts';
import '../src/sign-in/define.ts';
import type { VecheSignIn } from '../src/sign-in/sign-in.ts';
import { withFaults } from '../../../stories/support/adapters.ts';
import { instrument, memoryAt, text } from './support/vote-fixtures.ts';

const root = (el: VecheSignIn) => el.shadowRoot!;
const dialog = (el: VecheSignIn) => root(el).querySelector('dialog')!;
const $ = <T extends HTMLElement = HTMLElement>(el: VecheSignIn, selector: string) => root(el).querySelector<T>(selector);
const focused = (el: VecheSignIn) => root(el).activeElement;
const errorOf = (el: VecheSignIn) => $(el, '[part~=error]');

/** A page with a button that opens the dialog, as a host (or another element) would. */
async function page(adapter: VecheAdapter | undefined, campaign = 'demo', lang = 'ru') {
  const holder = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <button id="opener" type="button">Open</button>
    <veche-sign-in campaign=${campaign} .adapter=${adapter}></veche-sign-in>
  </div>`);
  const el = holder.querySelector('veche-sign-in')!;
  const opener = holder.querySelector<HTMLButtonElement>('#opener')!;
  await el.updateComplete;
  return { holder, el, opener };
}

/** Opens the dialog from the opener button and waits until focus is in its first field. */
async function openFrom(el: VecheSignIn, opener: HTMLButtonElement, action: 'support' | 'voting' = 'voting') {
  opener.focus();
  const result = el.open(action);
  await waitUntil(() => dialog(el).open && focused(el)?.tagName === 'INPUT', 'the dialog opens with focus in a field', { timeout: 4000 });
  // Wrapped, so that awaiting the opening does not wait for the resident.
  return { result };
}

function type(el: VecheSignIn, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  return input;
}

const submit = (el: VecheSignIn) => $(el, '[part~=submit]')!.click();

describe('veche-sign-in', () => {
  it('is closed and invisible until opened', async () => {
    const { el } = await page(memoryAt());
    expect(dialog(el).open).to.equal(false);
    expect(el.isOpen).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('opens as a modal with focus in the voting-code field, and passes axe', async () => {
    const { el, opener } = await page(memoryAt());
    await openFrom(el, opener);
    await waitUntil(() => focused(el)?.id === 'voting-code', 'focus in the voting code');
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('title');
    expect(text(el)).to.contain('Подтвердите, что вы житель').and.contain('Код для голосования');
    expect($(el, '[part~=switch]')!.textContent).to.contain('Получить код на почту или телефон');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('signs in with a voting code: resolves, emits veche-sign-in, closes, returns focus', async () => {
    const { el, opener } = await page(memoryAt());
    const { result } = await openFrom(el, opener);
    await waitUntil(() => focused(el)?.id === 'voting-code', 'focus in the voting code');
    const event = oneEvent(el, 'veche-sign-in');
    type(el, 'voting-code', ' demo-1001 ');
    submit(el);
    const identity = (await result) as Identity;
    expect(identity.method).to.equal('voting-code');
    expect((await event).detail.identity.residentId).to.equal(identity.residentId);
    expect(dialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('a wrong code: the error by the field, veche-error, the typed code kept', async () => {
    const spy = instrument(memoryAt());
    const { el, opener } = await page(spy.adapter);
    await openFrom(el, opener);
    const error = oneEvent(el, 'veche-error');
    type(el, 'voting-code', 'WRONG-0000');
    submit(el);
    expect((await error).detail.code).to.equal('unauthorized');
    await waitUntil(() => errorOf(el), 'the error shows');
    const input = $<HTMLInputElement>(el, '#voting-code')!;
    expect(errorOf(el)!.textContent).to.contain('Код не подошёл');
    expect(errorOf(el)!.getAttribute('role')).to.equal('alert');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('voting-code-error');
    expect(input.value).to.equal('WRONG-0000');
    expect(dialog(el).open).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('checks an empty or short code before calling the adapter', async () => {
    const spy = instrument(memoryAt());
    const { el, opener } = await page(spy.adapter);
    await openFrom(el, opener);
    submit(el);
    await el.updateComplete;
    expect(errorOf(el)!.textContent).to.contain('Введите код');
    type(el, 'voting-code', 'AB');
    submit(el);
    await el.updateComplete;
    expect(errorOf(el)!.textContent).to.contain('слишком короткий');
    expect(spy.calls.signIn).to.equal(undefined);
    el.close();
  });

  it('rate-limited: says when to try again', async () => {
    const spy = instrument(memoryAt());
    spy.fail.signIn = new VecheError('rate-limited', 'slow down', { retryAfter: 600 });
    const { el, opener } = await page(spy.adapter);
    await openFrom(el, opener);
    type(el, 'voting-code', 'DEMO-1001');
    submit(el);
    await waitUntil(() => errorOf(el), 'the error shows');
    expect(text(errorOf(el)!)).to.equal('Слишком много попыток. Попробуйте снова через 10 минут.');
    expect($<HTMLInputElement>(el, '#voting-code')!.value).to.equal('DEMO-1001');
    el.close();
  });

  it('a network failure or a 500: the message by the field, and trying again works', async () => {
    const spy = instrument(memoryAt());
    const { el, opener } = await page(spy.adapter);
    const { result } = await openFrom(el, opener);
    for (const [code, words] of [
      ['network', 'Нет связи'],
      ['unavailable', 'временно недоступен'],
    ] as const) {
      spy.fail.signIn = new VecheError(code, 'simulated');
      type(el, 'voting-code', 'DEMO-1001');
      submit(el);
      await waitUntil(() => errorOf(el)?.textContent?.includes(words), code);
    }
    spy.fail.signIn = undefined;
    submit(el);
    expect(await result).to.have.property('method', 'voting-code');
  });

  it('signs in with a one-time code: contact, code sent, code, done', async () => {
    const adapter = memoryAt();
    const { el, opener } = await page(adapter);
    const { result } = await openFrom(el, opener);
    $(el, '[part~=switch]')!.click();
    await waitUntil(() => focused(el)?.id === 'contact', 'focus moves to the contact field');
    type(el, 'contact', 'not a contact');
    submit(el);
    await el.updateComplete;
    expect(errorOf(el)!.textContent).to.contain('не похоже на адрес');
    type(el, 'contact', 'Anna@Example.ru');
    submit(el);
    await waitUntil(() => focused(el)?.id === 'one-time-code', 'focus moves to the code field');
    expect(text(el)).to.contain('Код отправлен: a***@example.ru');
    await expect(el).to.be.accessible();
    type(el, 'one-time-code', '000000');
    submit(el);
    await waitUntil(() => errorOf(el), 'a wrong code is refused');
    expect(errorOf(el)!.textContent).to.contain('Код не подошёл или устарел');
    type(el, 'one-time-code', '123456');
    submit(el);
    expect(await result).to.have.property('method', 'one-time-code');
  });

  it('a failed code request keeps the contact, and the contact can be changed after sending', async () => {
    const spy = instrument(memoryAt());
    spy.fail.requestCode = new VecheError('timeout', 'slow');
    const { el, opener } = await page(spy.adapter);
    await openFrom(el, opener);
    $(el, '[part~=switch]')!.click();
    await waitUntil(() => focused(el)?.id === 'contact', 'contact field');
    type(el, 'contact', '8 (900) 123-45-67');
    submit(el);
    await waitUntil(() => errorOf(el), 'the failure shows');
    expect(errorOf(el)!.textContent).to.contain('не ответил вовремя');
    expect($<HTMLInputElement>(el, '#contact')!.value).to.equal('8 (900) 123-45-67');
    spy.fail.requestCode = undefined;
    submit(el);
    await waitUntil(() => $(el, '#one-time-code'), 'the code step');
    expect(text(el)).to.contain('+7 *** ***-**-67');
    [...root(el).querySelectorAll<HTMLButtonElement>('.link-button')].find((b) => b.textContent!.includes('Изменить'))!.click();
    await waitUntil(() => focused(el)?.id === 'contact', 'back to the contact');
    expect($<HTMLInputElement>(el, '#contact')!.value).to.equal('8 (900) 123-45-67');
    el.close();
  });

  it('offers only the methods the campaign accepts for the action', async () => {
    const adapter = memoryAt({ signIn: { support: ['one-time-code'], voting: ['voting-code'] } });
    const { el, opener } = await page(adapter);
    await openFrom(el, opener, 'support');
    expect($(el, '#contact')).to.exist;
    expect($(el, '#voting-code')).to.equal(null);
    expect($(el, '[part~=switch]')).to.equal(null);
    el.close();
    await waitUntil(() => !el.isOpen, 'closed');
    el.methods = ['voting-code', 'host-token'];
    await openFrom(el, opener, 'support');
    expect($(el, '#voting-code')).to.exist;
    expect($(el, '[part~=switch]')).to.equal(null);
    el.close();
  });

  it('says so when no method can be used here', async () => {
    const { el } = await page(memoryAt({ signIn: { voting: ['host-token'] } }));
    void el.open('voting');
    await waitUntil(() => text(el).includes('нельзя войти по коду'), 'explains');
    expect(root(el).querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
    el.close();
  });

  it('loads the campaign while opening, and explains a failure to load it', async () => {
    const { el } = await page(withFaults(memoryAt(), { getCampaign: 'hang' }));
    void el.open();
    await waitUntil(() => $(el, '[part~=loading]'), 'loading');
    await expect(el).to.be.accessible();
    el.close();
    const failing = await page(withFaults(memoryAt(), { getCampaign: 'unavailable' }));
    void failing.el.open();
    await waitUntil(() => text(failing.el).includes('временно недоступен'), 'the failure shows');
    failing.el.close();
  });

  it('Escape closes it with null, focus returns, and the typed code is kept', async () => {
    const { el, opener } = await page(memoryAt());
    const { result } = await openFrom(el, opener);
    await sendKeys({ type: 'DEMO-10' });
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(null);
    expect(el.isOpen).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    await openFrom(el, opener);
    expect($<HTMLInputElement>(el, '#voting-code')!.value).to.equal('DEMO-10');
    el.close();
  });

  it('the keyboard path: type the code, Enter signs in', async () => {
    const { el, opener } = await page(memoryAt());
    const { result } = await openFrom(el, opener);
    await sendKeys({ type: 'DEMO-1006' });
    await sendKeys({ press: 'Enter' });
    expect(await result).to.have.property('method', 'voting-code');
    expect(document.activeElement).to.equal(opener);
  });

  it('Tab moves through the dialog and stays in it', async () => {
    const { el, opener } = await page(memoryAt());
    await openFrom(el, opener);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = focused(el);
      seen.push(active ? (active.getAttribute('part') ?? active.id) : String(document.activeElement?.localName));
    }
    expect(seen).to.include.members(['submit', 'switch', 'cancel', 'input']);
    expect(seen).not.to.include('button');
    el.close();
  });

  it('open() twice gives one dialog and one promise', async () => {
    const { el, opener } = await page(memoryAt());
    const { result: first } = await openFrom(el, opener);
    const second = el.open();
    el.close();
    expect(await first).to.equal(null);
    expect(await second).to.equal(null);
  });

  it('speaks English, and passes axe in the dark and contrast themes', async () => {
    const { el, opener } = await page(memoryAt(), 'demo', 'en');
    await openFrom(el, opener);
    expect(text(el)).to.contain('Confirm you are a resident').and.contain('Voting code');
    submit(el);
    await el.updateComplete;
    expect(errorOf(el)!.textContent).to.contain('Enter the code.');
    await expect(el).to.be.accessible();
    el.close();
    // Reopening at once is fine: a late close event of the first opening does not close the second.
    const provider = document.createElement('veche-provider');
    el.before(provider);
    provider.append(el);
    for (const theme of ['dark', 'contrast'] as const) {
      provider.theme = theme;
      await provider.updateComplete;
      await openFrom(el, opener);
      await expect(el).to.be.accessible();
      el.close();
    }
  });
});
