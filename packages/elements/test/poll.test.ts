import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, type VecheAdapter } from '@veche/core';
import { DEMO_CLOSED_POLL_ID, DEMO_POLL_ID, DEMO_PROJECT_POLL_ID } from '@veche/core/memory';
import { withFaults } from '../../../stories/support/adapters.ts';
import { NOW, discussionAt, pollOf, without } from '../../../stories/support/discussion-fixtures.ts';
import '../src/poll/define.ts';
import { VechePoll } from '../src/poll/poll.ts';
import type { VecheSignIn } from '../src/sign-in/sign-in.ts';
import { instrument, text } from './support/vote-fixtures.ts';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const option = (el: Element, id: string) => $<HTMLInputElement>(el, `input[name=choice][value="${id}"]`)!;
const settled = (el: VechePoll) => waitUntil(() => $(el, 'section, [part~=error], [part~=notice]'), 'the poll settles', { timeout: 4000 });
/** The results, which load the first time a poll has results to show. */
const withResults = (el: VechePoll) => waitUntil(() => $(el, '[part~=results]'), 'the results load', { timeout: 4000 });

async function mount(adapter: VecheAdapter | undefined, poll = DEMO_POLL_ID): Promise<VechePoll> {
  localStorage.removeItem(`veche:poll:${poll}`);
  const el = await fixture<VechePoll>(html`<veche-poll poll=${poll} .adapter=${adapter}></veche-poll>`);
  await settled(el);
  return el;
}

async function answer(el: VechePoll) {
  const event = oneEvent(el, 'veche-poll-answer');
  $<HTMLButtonElement>(el, '[part~=submit]')!.click();
  return (await event).detail;
}

describe('veche-poll', () => {
  afterEach(() => localStorage.clear());

  it('shows a loading state, then explains a failure with a retry and veche-error', async () => {
    const loading = await fixture<VechePoll>(html`<veche-poll poll="x" .adapter=${withFaults(discussionAt(), { getPoll: 'hang' })}></veche-poll>`);
    await waitUntil(() => $(loading, '[part~=loading]'));
    await expect(loading).to.be.accessible();

    const spy = instrument(discussionAt());
    spy.fail.getPoll = new VecheError('timeout', 'slow');
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = Object.assign(document.createElement('veche-poll'), { adapter: spy.adapter, poll: DEMO_POLL_ID });
    const error = oneEvent(holder, 'veche-error');
    holder.append(el);
    expect((await error).detail.code).to.equal('timeout');
    await settled(el);
    expect(text(el)).to.contain('не ответил вовремя');
    await expect(el).to.be.accessible();
    spy.fail.getPoll = undefined;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await waitUntil(() => $(el, 'form'));
  });

  it('says what is missing, and when the backend has no polls or only reads them', async () => {
    const noPoll = await fixture<VechePoll>(html`<veche-poll .adapter=${discussionAt()}></veche-poll>`);
    await settled(noPoll);
    expect(text(noPoll)).to.contain('укажите опрос');
    const none = await mount(without(discussionAt(), ['getPoll']));
    expect(text(none)).to.contain('Опросы на этом сайте недоступны');
    const readOnly = await mount(without(discussionAt(), ['answerPoll'], { polls: false }));
    expect($(readOnly, 'form')).to.equal(null);
    expect(text(readOnly)).to.contain('Ответить здесь нельзя');
    expect(text(readOnly)).to.contain('Освещение улиц');
    await expect(readOnly).to.be.accessible();
    expect((await mount(withFaults(discussionAt(), { getPoll: 'not-found' }))).shadowRoot!.textContent).to.contain('Не найдено');
  });

  it('takes a multiple choice up to its limit by keyboard, then shows the results as a chart and a table', async () => {
    const el = await mount(discussionAt());
    expect(text(el)).to.contain('Можно выбрать не больше 2');
    await expect(el).to.be.accessible();
    option(el, 'yards').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(option(el, 'yards').checked && option(el, 'lights').checked).to.equal(true);
    expect(option(el, 'sidewalks').disabled).to.equal(true);
    const detail = await answer(el);
    expect(detail).to.deep.equal({ pollId: DEMO_POLL_ID, choices: ['yards', 'lights'] });
    await waitUntil(() => $(el, '[part~=results]'));
    expect(text(el)).to.contain('Спасибо, ваш ответ учтён');
    expect(text(el)).to.contain('Ответили 215 жителей');
    expect($$(el, '[part=chart] li')).to.have.length(5);
    expect($(el, '[part=chart]')!.getAttribute('aria-hidden')).to.equal('true');
    // The results bring their styles: each bar spans its row.
    expect($(el, '[part=chart] svg')!.getBoundingClientRect().width).to.equal($(el, '[part=chart] li')!.getBoundingClientRect().width);
    expect($$(el, 'tbody tr')).to.have.length(5);
    expect(text($$(el, 'tbody tr')[0]!)).to.contain('ваш ответ');
    await expect(el).to.be.accessible();
    const toggle = $<HTMLButtonElement>(el, '[part~=toggle]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part=chart]')).to.equal(null);
    expect($(el, 'table')!.closest('.visually-hidden')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks for an "other" text once it is ticked, and keeps the draft across a failure and a reload', async () => {
    const spy = instrument(discussionAt());
    const el = await mount(spy.adapter);
    option(el, '').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    await waitUntil(() => $(el, '[part~=error]'), 'sending checks the answer');
    expect(text($(el, '[part~=error]')!)).to.contain('Напишите свой вариант');
    await waitUntil(() => root(el).activeElement === $(el, '[part~=error]'), 'focus on the failure');
    $<HTMLInputElement>(el, '#other')!.focus();
    await sendKeys({ type: 'Ремонт дворовых дорог' });
    spy.fail.answerPoll = new VecheError('network', 'offline');
    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    await waitUntil(() => text($(el, '[part~=error]') ?? el).includes('Ответ не отправлен'));
    expect($<HTMLInputElement>(el, '#other')!.value).to.equal('Ремонт дворовых дорог');
    expect($(el, '[part~=retry]')).to.not.equal(null);
    await expect(el).to.be.accessible();

    const again = await fixture<VechePoll>(html`<veche-poll poll=${DEMO_POLL_ID} .adapter=${discussionAt()}></veche-poll>`);
    await settled(again);
    expect(option(again, '').checked).to.equal(true);
    expect($<HTMLInputElement>(again, '#other')!.value).to.equal('Ремонт дворовых дорог');
    const detail = await answer(again);
    expect(detail.other).to.equal('Ремонт дворовых дорог');
    await waitUntil(() => text(again).includes('Свой вариант написали'));
    expect(localStorage.getItem(`veche:poll:${DEMO_POLL_ID}`)).to.equal(null);
  });

  it('signs a resident in for a residents’ poll, then counts the answer', async () => {
    const el = await mount(discussionAt(), DEMO_PROJECT_POLL_ID);
    expect(text(el)).to.contain('один житель — один ответ');
    option(el, 'grass').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    await waitUntil(() => $(el, 'veche-sign-in')?.shadowRoot?.querySelector('dialog[open] input'), 'the dialog opens', { timeout: 4000 });
    const dialog = $(el, 'veche-sign-in') as VecheSignIn;
    dialog.shadowRoot!.querySelector<HTMLInputElement>('input')!.focus();
    await sendKeys({ type: 'DEMO-1002' });
    const event = oneEvent(el, 'veche-poll-answer');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.choices).to.deep.equal(['grass']);
    await waitUntil(() => $(el, '[part~=results]'));
    expect(text(el)).to.contain('Ответили 88 жителей');
  });

  it('shows a closed poll’s results to everyone, an upcoming poll’s opening date, and results after closing only', async () => {
    const closed = await mount(discussionAt(), DEMO_CLOSED_POLL_ID);
    await withResults(closed);
    expect($(closed, 'form')).to.equal(null);
    expect(text(closed)).to.contain('Опрос завершён');
    expect(text(closed)).to.contain('Ответили 132 жителя');
    await expect(closed).to.be.accessible();

    const later = pollOf({ id: 'later', opensAt: new Date(NOW.getTime() + 86_400_000).toISOString() });
    const upcoming = await mount(discussionAt({ polls: [later] }), 'later');
    expect(text(upcoming)).to.contain('Опрос откроется');
    expect($(upcoming, 'form')).to.equal(null);

    const sealed = pollOf({ id: 'sealed', results: 'after-close' });
    const el = await mount(discussionAt({ polls: [sealed] }), 'sealed');
    option(el, 'yes').click();
    await answer(el);
    await el.updateComplete;
    expect(text(el)).to.contain('Итоги покажем после');
    expect($(el, '[part~=results]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says an answer already exists on a conflict, and shows the poll as the server has it', async () => {
    const adapter = discussionAt();
    const el = await mount(adapter);
    await adapter.answerPoll!(DEMO_POLL_ID, { choices: ['parks'] });
    option(el, 'yards').click();
    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    await waitUntil(() => text(el).includes('уже есть ответ'));
    await waitUntil(() => $(el, '[part~=results]'), 'the poll reloads');
  });

  it('says so when the results cannot be downloaded, and its retry brings them', async () => {
    let offline = true;
    class Offline extends VechePoll {
      protected override importResults() {
        return offline ? Promise.reject(new VecheError('network', 'Could not load the poll results')) : super.importResults();
      }
    }
    if (!customElements.get('offline-results-poll')) customElements.define('offline-results-poll', Offline);
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = Object.assign(document.createElement('offline-results-poll') as VechePoll, { adapter: discussionAt(), poll: DEMO_CLOSED_POLL_ID });
    const error = oneEvent(holder, 'veche-error');
    holder.append(el);
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => $(el, '[part~=error]'), 'the failure shows');
    expect(text(el)).to.contain('Опрос завершён');
    expect(text($(el, '[part~=error]')!)).to.contain('Нет связи с сервером');
    await expect(el).to.be.accessible();
    offline = false;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await withResults(el);
    expect(text(el)).to.contain('Ответили 132 жителя');
    expect($(el, '[part~=error]')).to.equal(null);
  });

  it('keeps the choice when sending cannot be downloaded, and its retry sends it', async () => {
    let offline = true;
    class Offline extends VechePoll {
      protected override importSend() {
        return offline ? Promise.reject(new VecheError('network', 'Could not load the poll sending')) : super.importSend();
      }
    }
    if (!customElements.get('offline-send-poll')) customElements.define('offline-send-poll', Offline);
    localStorage.removeItem(`veche:poll:${DEMO_POLL_ID}`);
    const el = await fixture<VechePoll>(html`<offline-send-poll poll=${DEMO_POLL_ID} .adapter=${discussionAt()}></offline-send-poll>`);
    await settled(el);
    option(el, 'parks').click();
    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    await waitUntil(() => $(el, '[part~=error]'), 'the failure shows');
    expect(text($(el, '[part~=error]')!)).to.contain('Ответ не отправлен. Нет связи с сервером');
    expect(option(el, 'parks').checked).to.equal(true);
    await expect(el).to.be.accessible();
    offline = false;
    const event = oneEvent(el, 'veche-poll-answer');
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    expect((await event).detail.choices).to.deep.equal(['parks']);
    await withResults(el);
  });

  it('lets the host veto an answer, and speaks English', async () => {
    const spy = instrument(discussionAt());
    const el = await mount(spy.adapter);
    el.addEventListener('veche-poll-request', (e) => e.preventDefault(), { once: true });
    const request = oneEvent(el, 'veche-poll-request');
    option(el, 'yards').click();
    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    expect((await request).detail).to.deep.equal({ pollId: DEMO_POLL_ID, choices: ['yards'] });
    await el.updateComplete;
    expect(spy.calls.answerPoll ?? 0).to.equal(0);
    expect(option(el, 'yards').checked).to.equal(true);

    const en = await fixture<VechePoll>(html`<veche-poll lang="en" poll=${DEMO_CLOSED_POLL_ID} .adapter=${discussionAt()}></veche-poll>`);
    await waitUntil(() => $(en, 'section'), 'English loads', { timeout: 4000 });
    await withResults(en);
    expect(text(en)).to.contain('The poll closed on');
    expect(text(en)).to.contain('132 residents answered');
    await expect(en).to.be.accessible();
  });
});
