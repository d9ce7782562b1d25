import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, type VecheAdapter } from '@veche/core';
import { withFaults } from '../../../stories/support/adapters.ts';
import { claimProject } from '../src/project-detail/claim.ts';
import '../src/project-detail/define.ts';
import { defineLazily } from '../src/base/define-lazily.ts';
import type { VecheProjectDetail } from '../src/project-detail/project-detail.ts';
import { clock, instrument, memoryAt, text, type Setup } from './support/vote-fixtures.ts';

const root = (el: VecheProjectDetail) => el.shadowRoot!;
const dialog = (el: VecheProjectDetail) => root(el).querySelector('dialog')!;
const $ = <T extends HTMLElement = HTMLElement>(el: VecheProjectDetail, selector: string) => root(el).querySelector<T>(selector);
/** What has focus, in words (a failed comparison of DOM nodes would print the whole page). */
const name = (node: Element | null | undefined) => (node ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[${node.getAttribute('part')}]` : ''}` : 'none');
const focused = (el: VecheProjectDetail) => name(root(el).activeElement);
/** The facts as `label: value` lines. */
const facts = (el: VecheProjectDetail) =>
  [...root(el).querySelectorAll('[part=facts] div')].map((d) => `${text(d.querySelector('dt')!)}: ${text(d.querySelector('dd')!)}`);

/** A page with a button that opens the dialog, as a list, a map or a host would. */
async function page(adapter: VecheAdapter, lang = 'ru') {
  const holder = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <button id="opener" type="button">Open</button>
    <veche-project-detail campaign="demo" .adapter=${adapter} .clock=${clock}></veche-project-detail>
  </div>`);
  const el = holder.querySelector('veche-project-detail')!;
  const opener = holder.querySelector<HTMLButtonElement>('#opener')!;
  await el.updateComplete;
  return { holder, el, opener };
}

/** Opens a project from the opener and waits until it is shown (or its error is). */
async function open(setup: Setup | VecheAdapter, projectId: string, lang = 'ru') {
  const adapter = 'capabilities' in setup ? setup : memoryAt(setup);
  const context = await page(adapter, lang);
  context.opener.focus();
  await context.el.show(projectId);
  await waitUntil(() => $(context.el, '[part=facts], [part=error]'), 'the project loads', { timeout: 4000 });
  await context.el.updateComplete;
  return context;
}

describe('veche-project-detail', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('is closed and takes no room until shown', async () => {
    const { el } = await page(memoryAt());
    expect(dialog(el).open).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(el.openProject).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a project in a modal dialog, names it in the address and focuses the close button', async () => {
    const { el, holder } = await page(memoryAt());
    holder.querySelector<HTMLButtonElement>('#opener')!.focus();
    const opened = oneEvent(holder, 'veche-project-open');
    await el.show('demo-1');
    expect((await opened).detail).to.deep.equal({ projectId: 'demo-1' });
    await waitUntil(() => $(el, '[part=facts]'), 'the project loads', { timeout: 4000 });
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('title');
    expect(text($(el, '#title')!)).to.equal('Детская площадка во дворе на Ленина, 12');
    expect(location.hash).to.equal('#veche-project=demo-1');
    expect(el.openProject).to.equal('demo-1');
    expect(focused(el)).to.equal('button[close]');
    expect(text($(el, '[part=status]')!)).to.equal('Допущен к голосованию');
    const photo = $<HTMLImageElement>(el, '[part=photo]')!;
    expect(photo.alt).to.equal('Эскиз площадки: горка, качели и песочница под навесом');
    expect(photo.getAttribute('src')).to.equal('/demo/photos/playground.svg');
    expect(text($(el, '.summary')!)).to.contain('Современная площадка');
    expect(text($(el, '.description')!)).to.contain('построена в 1987 году');
    // Voting is open (knapsack): the vote button shows the count, so the facts leave it out.
    expect(facts(el)).to.deep.equal([
      'Стоимость: 1 450 000 ₽',
      'Район: Центральный',
      'Категории: Детям',
      'Адрес: ул. Ленина, 12',
      'Автор идеи: Анна Петрова',
    ]);
    await waitUntil(() => customElements.get('veche-vote-button') && customElements.get('veche-progress-meter'), 'parts load');
    expect($(el, 'veche-vote-button[part=vote]')!.getAttribute('project')).to.equal('demo-1');
    const funding = $(el, 'veche-progress-meter[part=funding]')!;
    expect(funding.getAttribute('view')).to.equal('funding');
    expect($(el, '[part=timeline]')).to.be.null;
    await waitUntil(() => funding.shadowRoot?.querySelector('figure'), 'the meter draws', { timeout: 4000 });
    await expect(el).to.be.accessible();
  });

  it('shows a rejected project with the administration’s note, without photo, location or vote button', async () => {
    const { el } = await open({}, 'demo-10');
    expect(text($(el, '[part=status]')!)).to.equal('Отклонён');
    expect(text($(el, '[part=note]')!)).to.equal(
      'Комментарий администрации: Стоимость больше бюджета конкурса (6 млн ₽); содержание фонтана город не может обеспечить.',
    );
    expect($(el, '[part=photos]')).to.be.null;
    expect($(el, 'veche-vote-button')).to.be.null;
    expect($(el, 'veche-progress-meter')).to.be.null;
    expect(facts(el)).to.deep.equal(['Стоимость: 9 500 000 ₽', 'Район: Центральный', 'Категории: Благоустройство', 'Поддержка: 233 подписи']);
    await expect(el).to.be.accessible();
  });

  it('shows the votes of a finished project, and milestones with progress in the timeline meter', async () => {
    const { el } = await open({}, 'demo-12');
    expect(facts(el)).to.deep.equal(['Стоимость: 1 600 000 ₽', 'Район: Заречный', 'Категории: Спорт', 'Голоса: 611 голосов']);
    el.close();
    await el.show('demo-13');
    await waitUntil(() => $(el, '[part=timeline]'), 'the timeline');
    expect($(el, '[part=funding]')).to.exist;
    const timeline = $(el, '[part=timeline]')!;
    await waitUntil(() => timeline.shadowRoot?.querySelector('figure'), 'the timeline draws', { timeout: 4000 });
    expect(text(timeline)).to.contain('Снаряды и освещение');
    await expect(el).to.be.accessible();
  });

  it('offers support in the support phase', async () => {
    const { el } = await open({ phase: 'support' }, 'demo-8');
    const button = $(el, 'veche-vote-button')!;
    await waitUntil(() => button.shadowRoot?.querySelector('[part~=button]'), 'the button draws', { timeout: 4000 });
    expect(text(button)).to.contain('Поддержать');
    expect(facts(el).some((f) => f.startsWith('Поддержка'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('closes with Escape: the address forgets the project and focus returns to the opener', async () => {
    const { el, holder, opener } = await open({}, 'demo-2');
    expect(location.hash).to.equal('#veche-project=demo-2');
    const closed = oneEvent(holder, 'veche-project-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ projectId: 'demo-2' });
    expect(dialog(el).open).to.equal(false);
    expect(location.hash).to.equal('');
    expect(name(document.activeElement)).to.equal(name(opener));
    expect(el.openProject).to.equal(undefined);
  });

  it('keeps Tab inside the dialog and closes from the close button with the keyboard', async () => {
    const { el, opener } = await open({ phase: 'support' }, 'demo-1');
    const vote = $(el, 'veche-vote-button')!;
    await waitUntil(() => vote.shadowRoot?.querySelector('[part~=button]'), 'the vote button draws', { timeout: 4000 });
    expect(focused(el)).to.equal('button[close]');
    await sendKeys({ press: 'Tab' });
    // The next stop is the support button inside the dialog, never the page behind it.
    expect(focused(el)).to.equal('veche-vote-button[vote]');
    expect(name(vote.shadowRoot!.activeElement)).to.equal('button[button]');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)).to.equal('button[close]');
    await sendKeys({ press: 'Enter' });
    expect(dialog(el).open).to.equal(false);
    expect(name(document.activeElement)).to.equal(name(opener));
  });

  it('closes on a click beside the dialog, not inside it', async () => {
    const { el } = await open({}, 'demo-3');
    $(el, '[part=facts]')!.click();
    expect(dialog(el).open).to.equal(true);
    dialog(el).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(dialog(el).open).to.equal(false);
  });

  it('closes when the address stops naming a project', async () => {
    const { el } = await open({}, 'demo-3');
    location.hash = '';
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
  });

  it('switches to another project while open and keeps the first opener', async () => {
    const { el, opener } = await open({}, 'demo-1');
    await el.show('demo-4');
    await waitUntil(() => text($(el, '#title')!) === 'Сквер у Дома культуры', 'demo-4 shows');
    expect(location.hash).to.equal('#veche-project=demo-4');
    el.close();
    expect(name(document.activeElement)).to.equal(name(opener));
  });

  it('says that a project of a shared link does not exist, and emits veche-error', async () => {
    const { el, holder } = await page(memoryAt());
    const failed = oneEvent(holder, 'veche-error');
    await el.show('nope');
    expect((await failed).detail.code).to.equal('not-found');
    await waitUntil(() => $(el, '[part=error]'), 'the error shows');
    expect(text($(el, '[part=error]')!)).to.equal('Проект не найден: возможно, его сняли с конкурса или в ссылке ошибка.');
    expect(text($(el, '#title')!)).to.equal('Проект');
    await expect(el).to.be.accessible();
  });

  it('shows a network failure with a retry that works', async () => {
    const { adapter, fail } = instrument(memoryAt());
    fail.getProject = new VecheError('network', 'offline');
    const { el } = await open(adapter, 'demo-1');
    expect(text($(el, '[part=error]')!)).to.contain('Нет связи с сервером');
    await expect(el).to.be.accessible();
    fail.getProject = undefined;
    $(el, '[part=retry]')!.click();
    await waitUntil(() => $(el, '[part=facts]'), 'the retry loads the project');
  });

  it('shows the loading state while the adapter has not answered', async () => {
    const { el } = await page(withFaults(memoryAt(), { getProject: 'hang' }));
    await el.show('demo-1');
    expect($(el, '[part=loading]')).to.exist;
    expect(text($(el, '#title')!)).to.equal('Проект');
    await expect(el).to.be.accessible();
  });

  it('shows an answer that is not a project as an unreadable response', async () => {
    const { adapter, fail } = instrument(memoryAt());
    fail.getProject = new VecheError('invalid-response', 'bad body');
    const { el } = await open(adapter, 'demo-1');
    expect(text($(el, '[part=error]')!)).to.contain('непонятный ответ');
    expect($(el, '[part=retry]')).to.exist;
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await open({}, 'demo-10', 'en');
    await waitUntil(() => text($(el, '[part=status]')!) === 'Rejected', 'English loads', { timeout: 4000 });
    expect(facts(el)[0]).to.match(/^Cost: ₽9,500,000$/);
    expect(text($(el, '[part=note]')!)).to.contain('Note from the administration:');
    expect(text($(el, '[part=close]')!)).to.equal('Close');
    await expect(el).to.be.accessible();
  });

  it('reports a call without a project id and stays closed', async () => {
    const { el, holder } = await page(memoryAt());
    const failed = oneEvent(holder, 'veche-error');
    await el.show('  ');
    expect((await failed).detail.code).to.equal('invalid-input');
    expect(dialog(el).open).to.equal(false);
  });

  it('answers claims for the project it shows, so a shared link opens one dialog', async () => {
    const { el } = await open({}, 'demo-1');
    expect(claimProject('demo-1')).to.equal(false);
    expect(claimProject('demo-2')).to.equal(true);
    el.close();
    expect(claimProject('demo-1')).to.equal(true);
  });

  it('renders adapter text as text', async () => {
    const base = memoryAt();
    const adapter = new Proxy(base, {
      get(target, key) {
        if (key === 'getProject') {
          return async (id: string) => ({ ...(await target.getProject(id)), title: '<img src=x onerror=alert(1)>', description: '<b>жирный</b>' });
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { el } = await open(adapter, 'demo-2');
    expect(text($(el, '#title')!)).to.equal('<img src=x onerror=alert(1)>');
    expect(root(el).querySelector('img[src=x], b')).to.be.null;
  });
});

describe('defineLazily', () => {
  it('turns a failed download into a network error and tries again next time', async () => {
    let calls = 0;
    const load = () => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve());
    const error = await defineLazily('veche-test-lazy', load).catch((e: unknown) => e);
    expect((error as VecheError).code).to.equal('network');
    await defineLazily('veche-test-lazy', load);
    expect(calls).to.equal(2);
    // An element the page already has is not loaded again.
    await defineLazily('veche-project-detail', () => Promise.reject(new Error('not called')));
  });
});
