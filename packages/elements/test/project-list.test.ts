import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError } from '@veche/core';
import { MemoryAdapter, type MemoryFixture } from '@veche/core/memory';
import { withFaults } from '../../../stories/support/adapters.ts';
import { manyProjects } from '../../../stories/support/project-fixtures.ts';
import type { VecheFilterChangeDetail } from '../src/config/filters.ts';
import '../src/project-list/define.ts';
import type { VecheProjectList } from '../src/project-list/project-list.ts';
import '../src/provider/define.ts';
import { NOW, clock, instrument, memoryAt, text } from './support/vote-fixtures.ts';

/** One local picture for every project photo: no network in tests. */
const PHOTO = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"/>'], { type: 'image/svg+xml' }));
const bigFixture = (count: number, id = 'big') => manyProjects(count, { id, now: NOW, photo: PHOTO });

const memory = (...fixtures: MemoryFixture[]) => new MemoryAdapter({ fixtures, now: clock });
const big = (count: number) => memory(bigFixture(count));

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const titles = (el: Element) => $$(el, '[part=link]').map((a) => a.textContent!.trim());
const ids = (el: Element) => $$<HTMLAnchorElement>(el, '[part=link]').map((a) => decodeURIComponent(a.getAttribute('href')!.replace('#veche-project=', '')));
/** What has focus inside the list, in words (a failed comparison of DOM nodes would print the whole page). */
const focusOf = (el: Element) => {
  const a = root(el).activeElement;
  return a ? `${a.localName}${a.id ? `#${a.id}` : ''}${a.getAttribute('href') ?? ''}${a.getAttribute('part') ? `[${a.getAttribute('part')}]` : ''}` : 'none';
};
const linkTo = (id: string) => `a#veche-project=${id}[link]`;
/** A card's facts as `label: value` lines. */
const factsOf = (card: Element) =>
  [...card.querySelectorAll('[part=facts] div')].map((d) => `${text(d.querySelector('dt')!)}: ${text(d.querySelector('dd')!)}`);
const announced = (el: Element) => text($(el, '[aria-live=polite]')!);
const detailOf = (el: Element) => $(el, 'veche-project-detail');
const dialogOf = (el: Element) => detailOf(el)?.shadowRoot?.querySelector('dialog');

/** Whether the list shows a settled state: projects, the empty state or an error, and is not loading. */
const ready = (el: Element) => !!$(el, '[part=list], [part=empty], [part=error]') && !$(el, '[aria-busy=true]');

async function settled(el: VecheProjectList): Promise<VecheProjectList> {
  await el.updateComplete;
  await waitUntil(() => ready(el), 'the list settles', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

async function list(template: unknown): Promise<VecheProjectList> {
  const host = await fixture<HTMLElement>(template as never);
  const el = host.localName === 'veche-project-list' ? (host as VecheProjectList) : host.querySelector('veche-project-list')!;
  return settled(el);
}

/** Picks a value in one of the list's selects, as a resident would. */
async function choose(el: VecheProjectList, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await settled(el);
}

/** Types into the search field and waits for the search to run. */
async function search(el: VecheProjectList, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#q')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await aTimeout(450);
  await settled(el);
}

async function more(el: VecheProjectList): Promise<void> {
  const count = $$(el, '[part=card]').length;
  $(el, '[part=more]')!.click();
  await el.updateComplete;
  await waitUntil(() => $$(el, '[part=card]').length > count || $(el, '[part=error]'), 'more projects', { timeout: 4000 });
  await el.updateComplete;
}

const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

describe('veche-project-list', () => {
  afterEach(clearHash);

  describe('states', () => {
    it('shows the loading state while the adapter has not answered', async () => {
      const el = await fixture<VecheProjectList>(
        html`<veche-project-list campaign="big" .adapter=${withFaults(big(3), { listProjects: 'hang' })}></veche-project-list>`,
      );
      await waitUntil(() => $(el, '[part=loading]'), 'loading');
      expect(text($(el, '[part=loading]')!)).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('shows a failure with a retry that works, and emits veche-error', async () => {
      const { adapter, fail } = instrument(big(3));
      fail.listProjects = new VecheError('unavailable', 'HTTP 500');
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-project-list'), { adapter, campaign: 'big' });
      const failed = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await failed).detail.code).to.equal('unavailable');
      await settled(el);
      expect(text($(el, '[part=error]')!)).to.contain('временно недоступен');
      // The search and filters stay, so what a resident typed is not lost.
      expect($(el, '#q')).to.exist;
      await expect(el).to.be.accessible();
      fail.listProjects = undefined;
      $(el, '[part=retry]')!.click();
      await waitUntil(() => $$(el, '[part=card]').length === 3, 'the retry loads');
    });

    it('brings back a campaign and a page that failed together with one retry', async () => {
      const { adapter, calls, fail } = instrument(big(3));
      fail.getCampaign = new VecheError('unavailable', 'HTTP 500');
      fail.listProjects = new VecheError('unavailable', 'HTTP 500');
      const el = await list(html`<veche-project-list campaign="big" .adapter=${adapter}></veche-project-list>`);
      await waitUntil(() => calls.listProjects === 1, 'the page was asked for too');
      await aTimeout(0);
      expect($$(el, '[part=error]')).to.have.length(1);
      fail.getCampaign = undefined;
      fail.listProjects = undefined;
      $(el, '[part=retry]')!.click();
      await waitUntil(() => $$(el, '[part=card]').length === 3, 'one retry loads the campaign and its projects');
      expect($(el, '[part=error]')).to.equal(null);
    });

    it('explains a failed campaign and a missing campaign or api', async () => {
      const failing = await list(html`<veche-project-list campaign="big" .adapter=${withFaults(big(3), { getCampaign: 'timeout' })}></veche-project-list>`);
      expect(text($(failing, '[part=error]')!)).to.contain('не ответил вовремя');
      await expect(failing).to.be.accessible();
      const unknown = await list(html`<veche-project-list campaign="nope" .adapter=${big(3)}></veche-project-list>`);
      expect(text($(unknown, '[part=error]')!)).to.equal('Не найдено.');
      const noCampaign = await list(html`<veche-project-list .adapter=${big(3)}></veche-project-list>`);
      expect(text($(noCampaign, '[part=error]')!)).to.contain('укажите кампанию');
      const noApi = await list(html`<veche-project-list campaign="big"></veche-project-list>`);
      expect(text($(noApi, '[part=error]')!)).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();
    });

    it('says so when the campaign has no projects, without offering a reset', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(0)}></veche-project-list>`);
      expect(text($(el, '[part=empty]')!)).to.equal('Проектов пока нет.');
      expect($(el, '[part=reset]')).to.be.null;
      expect($(el, '[part=list]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('shows one project as a list of one card with a heading, a link, its photo and facts', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(1)} .clock=${clock}></veche-project-list>`);
      expect(text($(el, '[part=count]')!)).to.equal('Найдено: 1 проект');
      const ul = $(el, 'ul[part=list]')!;
      expect(ul.getAttribute('aria-label')).to.equal('Проекты');
      expect(ul.querySelectorAll('li[part=card]')).to.have.length(1);
      const heading = $(el, '[part=title]')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect($(el, '[part=link]')!.getAttribute('href')).to.equal('#veche-project=big-1');
      expect(text($(el, '[part=status]')!)).to.equal('Опубликован');
      expect($<HTMLImageElement>(el, '[part=photo]')!.alt).to.equal('Фото проекта 1');
      expect(factsOf($(el, '[part=card]')!)).to.deep.equal([
        'Стоимость: 3 020 000 ₽',
        'Район: Центральный',
        'Категории: Благоустройство',
        'Поддержка: 0 подписей',
      ]);
      expect($(el, '[part=more]')).to.be.null;
      expect($(el, 'veche-vote-button')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('leaves out the photo and the district of a project that has none', async () => {
      const el = await list(html`<veche-project-list campaign="big" page-size="12" sort="title" .adapter=${big(12)}></veche-project-list>`);
      const card = $$(el, '[part=card]')[11]!; // Проект 00012: no photo (12 % 3), no location (12 % 4)
      expect(text(card.querySelector('[part=link]')!)).to.equal('Проект 00012');
      expect(card.querySelector('img')).to.be.null;
      expect(text(card.querySelector('[part=facts]')!)).to.not.contain('Район');
      await expect(el).to.be.accessible();
    });

    it('pages through thousands of projects with "Показать ещё", announcing each page politely', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(3000)}></veche-project-list>`);
      expect($$(el, '[part=card]')).to.have.length(12);
      expect(text($(el, '[part=count]')!)).to.equal('Показано: 12 проектов, есть ещё');
      await expect(el).to.be.accessible();
      await more(el);
      expect($$(el, '[part=card]')).to.have.length(24);
      await waitUntil(() => announced(el) !== '', 'the announcement');
      expect(announced(el)).to.equal('Добавлено: 12 проектов. Всего показано: 24 проекта.');
      expect(new Set(ids(el)).size).to.equal(24);
      expect(titles(el)[12]).to.equal('Проект 00013');
      await expect(el).to.be.accessible();
    });

    it('reaches the last page, and focus moves to the first new project when the button goes', async () => {
      const el = await list(html`<veche-project-list campaign="big" page-size="100" .adapter=${big(230)}></veche-project-list>`);
      $(el, '[part=more]')!.focus();
      await more(el);
      expect(focusOf(el)).to.equal('button[more]');
      await more(el);
      expect($$(el, '[part=card]')).to.have.length(230);
      expect($(el, '[part=more]')).to.be.null;
      expect(focusOf(el)).to.equal(linkTo('big-201'));
      expect(text($(el, '[part=count]')!)).to.equal('Найдено: 230 проектов');
    });

    it('keeps the projects shown when the next page fails, and the button tries again', async () => {
      const { adapter, fail } = instrument(big(40));
      const el = await list(html`<veche-project-list campaign="big" .adapter=${adapter}></veche-project-list>`);
      fail.listProjects = new VecheError('network', 'offline');
      $(el, '[part=more]')!.click();
      await waitUntil(() => $(el, '[part=error]'), 'the failure');
      expect($$(el, '[part=card]')).to.have.length(12);
      expect(text($(el, '[part=error]')!)).to.contain('Следующие проекты не загрузились. Нет связи с сервером');
      expect(text($(el, '[part=more]')!)).to.equal('Повторить');
      await expect(el).to.be.accessible();
      fail.listProjects = undefined;
      await more(el);
      expect($$(el, '[part=card]')).to.have.length(24);
      expect($(el, '[part=error]')).to.be.null;
    });

    it('lays projects out in rows and reports an unknown layout', async () => {
      const rows = await list(html`<veche-project-list campaign="big" layout="rows" .adapter=${big(3)}></veche-project-list>`);
      expect(getComputedStyle($(rows, '[part=card]')!).flexDirection).to.equal('row');
      await expect(rows).to.be.accessible();
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-project-list'), { adapter: big(3), campaign: 'big' });
      el.setAttribute('layout', 'masonry');
      const failed = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await failed).detail.message).to.contain('Unknown layout');
      await settled(el);
      expect(el.layout).to.equal('cards');
    });

    it('hides the filter bar with filters="off"', async () => {
      const el = await list(html`<veche-project-list campaign="big" filters="off" .adapter=${big(3)}></veche-project-list>`);
      expect($(el, '[part=filters]')).to.be.null;
      expect($$(el, '[part=card]')).to.have.length(3);
    });

    it('renders adapter text as text', async () => {
      const fixture1 = bigFixture(1);
      fixture1.projects[0]!.title = '<img src=x onerror=alert(1)>';
      const el = await list(html`<veche-project-list campaign="big" .adapter=${memory(fixture1)}></veche-project-list>`);
      expect(titles(el)).to.deep.equal(['<img src=x onerror=alert(1)>']);
      expect(root(el).querySelector('img[src=x]')).to.be.null;
    });

    it('shows the vote button on cards while support is open, loaded on demand', async () => {
      const el = await list(html`<veche-project-list campaign="demo" status="published" .adapter=${memoryAt({ phase: 'support' })} .clock=${clock}></veche-project-list>`);
      await waitUntil(() => customElements.get('veche-vote-button'), 'the vote button loads');
      const buttons = $$(el, 'veche-vote-button[part=vote]');
      expect(buttons).to.have.length(2);
      await waitUntil(() => buttons.every((b) => b.shadowRoot?.querySelector('[part~=button]')), 'the buttons draw', { timeout: 4000 });
      // The button shows the count: the card does not repeat it.
      expect(text($(el, '[part=facts]')!)).to.not.contain('Поддержка');
      await expect(el).to.be.accessible();
    });

    it('shows no vote button where voting happens in the ballot', async () => {
      const el = await list(html`<veche-project-list campaign="demo" status="shortlisted" .adapter=${memoryAt()} .clock=${clock}></veche-project-list>`);
      expect($$(el, '[part=card]')).to.have.length(6);
      expect($(el, 'veche-vote-button')).to.be.null;
    });

    it('speaks English with lang="en"', async () => {
      const el = await list(html`<div lang="en"><veche-project-list campaign="big" .adapter=${big(1)}></veche-project-list></div>`);
      await waitUntil(() => text($(el, '[part=count]')!) === 'Found: 1 project', 'English loads', { timeout: 4000 });
      expect(text($(el, '[part=status]')!)).to.equal('Published');
      expect(text($(el, 'label[for=q]')!)).to.equal('Search projects');
      expect(text($(el, '[part=facts]')!)).to.contain('Cost ₽3,020,000');
      expect(text($(el, '[part=facts]')!)).to.contain('0 signatures');
      await expect(el).to.be.accessible();
    });
  });

  describe('filters, search and sort', () => {
    it('filters by status, category and district, and shares each change', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(300)}></veche-project-list>`);
      const shared = oneEvent(el, 'veche-filter-change');
      await choose(el, 'status', 'rejected');
      const { detail } = (await shared) as CustomEvent<VecheFilterChangeDetail>;
      expect(detail.campaignId).to.equal('big');
      expect(detail.filters.status).to.deep.equal(['rejected']);
      expect($$(el, '[part=status]').every((s) => text(s) === 'Отклонён')).to.equal(true);
      await waitUntil(() => announced(el) !== '', 'the announcement');
      expect(announced(el)).to.equal('Показано: 12 проектов, есть ещё');

      await choose(el, 'category', 'sport');
      await choose(el, 'district', 'north');
      const facts = $$(el, '[part=facts]').map(text);
      expect(facts.length).to.be.greaterThan(0);
      expect(facts.every((f) => f.includes('Спорт') && f.includes('Северный'))).to.equal(true);
      await expect(el).to.be.accessible();

      await choose(el, 'status', '');
      expect($$(el, '[part=status]').some((s) => text(s) !== 'Отклонён')).to.equal(true);
    });

    it('starts from the status attribute, and reports an unknown one', async () => {
      const el = await list(html`<veche-project-list campaign="big" status="selected" .adapter=${big(100)}></veche-project-list>`);
      expect($<HTMLSelectElement>(el, '#status')!.value).to.equal('selected');
      expect($$(el, '[part=status]').every((s) => text(s) === 'Победитель')).to.equal(true);

      const several = await list(html`<veche-project-list campaign="big" status="done, in-progress" .adapter=${big(100)}></veche-project-list>`);
      expect(text($<HTMLSelectElement>(several, '#status')!.selectedOptions[0]!)).to.equal('Реализован, Реализуется');
      expect(new Set($$(several, '[part=status]').map(text))).to.deep.equal(new Set(['Реализован', 'Реализуется']));

      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const bad = Object.assign(document.createElement('veche-project-list'), { adapter: big(10), campaign: 'big' });
      bad.setAttribute('status', 'approved');
      const failed = oneEvent(holder, 'veche-error');
      holder.append(bad);
      expect((await failed).detail.message).to.contain('Unknown status');
      await settled(bad);
      expect($$(bad, '[part=card]')).to.have.length(10);
    });

    it('searches as the resident types, keeps the text through a failure, and announces the count', async () => {
      const { adapter, fail } = instrument(big(300));
      const el = await list(html`<veche-project-list campaign="big" .adapter=${adapter}></veche-project-list>`);
      await search(el, 'скамейки');
      expect($$(el, '[part=card]')).to.have.length(12);
      expect(titles(el)[0]).to.equal('Проект 00010');
      expect(announced(el)).to.equal('Показано: 12 проектов, есть ещё');
      await search(el, 'Проект 00007');
      expect(titles(el)).to.deep.equal(['Проект 00007']);
      expect(announced(el)).to.equal('Найдено: 1 проект');

      fail.listProjects = new VecheError('network', 'offline');
      await search(el, 'Проект 0001');
      expect($(el, '[part=error]')).to.exist;
      expect($<HTMLInputElement>(el, '#q')!.value).to.equal('Проект 0001');
      fail.listProjects = undefined;
      $(el, '[part=retry]')!.click();
      await waitUntil(() => $$(el, '[part=card]').length === 10, 'the retry searches again');
    });

    it('searches at once on Enter', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(30)}></veche-project-list>`);
      $(el, '#q')!.focus();
      await sendKeys({ type: 'Проект 00021' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(el).length === 1, 'the search runs', { timeout: 300 });
      expect(titles(el)).to.deep.equal(['Проект 00021']);
    });

    it('offers to reset the filters when nothing is found, and puts focus in the search field', async () => {
      const el = await list(html`<veche-project-list campaign="big" status="published" .adapter=${big(30)}></veche-project-list>`);
      await search(el, 'нет такого проекта');
      expect(text($(el, '[part=empty]')!)).to.equal('Ничего не найдено Попробуйте другой запрос или сбросьте фильтры. Сбросить фильтры');
      expect(announced(el)).to.equal('Найдено: 0 проектов');
      await expect(el).to.be.accessible();
      $(el, '[part=reset]')!.click();
      await settled(el);
      expect($<HTMLInputElement>(el, '#q')!.value).to.equal('');
      expect(focusOf(el)).to.equal('input#q[search]');
      // Back to what the attributes ask for: the published projects.
      expect($<HTMLSelectElement>(el, '#status')!.value).to.equal('published');
      expect($$(el, '[part=card]').length).to.be.greaterThan(0);
    });

    const order = async (sort: string, count = 60) => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(count)}></veche-project-list>`);
      await choose(el, 'sort', sort);
      return el;
    };
    const costs = (el: Element) => $$(el, '[part=facts]').map((f) => Number(text(f).match(/Стоимость ([\d\s]+) ₽/)![1]!.replace(/\s/g, '')));

    it('sorts newest first by default, and by title', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(60)}></veche-project-list>`);
      expect($<HTMLSelectElement>(el, '#sort')!.value).to.equal('newest');
      expect(titles(el).slice(0, 3)).to.deep.equal(['Проект 00001', 'Проект 00002', 'Проект 00003']);
      const byTitle = await order('title');
      expect(titles(byTitle)).to.deep.equal([...titles(byTitle)].sort());
    });

    it('sorts by cost both ways', async () => {
      const up = costs(await order('cost-asc'));
      expect(up).to.deep.equal([...up].sort((a, b) => a - b));
      const down = costs(await order('cost-desc'));
      expect(down).to.deep.equal([...down].sort((a, b) => b - a));
      expect(down[0]).to.be.greaterThan(up[0]!);
    });

    it('sorts the most supported first', async () => {
      const el = await order('supported');
      const counts = $$(el, '[part=facts]').map((f) => Number(text(f).match(/Поддержка ([\d\s]+) подпис/)![1]!.replace(/\s/g, '')));
      expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
      expect(counts[0]).to.equal(1480);
    });

    it('shuffles with a seed kept in the attribute: the same order on every page and every visit', async () => {
      const el = await order('random', 200);
      const seed = Number(el.getAttribute('seed'));
      expect(Number.isInteger(seed)).to.equal(true);
      await more(el);
      await more(el);
      const first = ids(el);
      expect(new Set(first).size).to.equal(36);
      expect(first).to.not.deep.equal([...first].sort());

      const again = await list(html`<veche-project-list campaign="big" sort="random" seed=${seed} .adapter=${big(200)}></veche-project-list>`);
      await more(again);
      await more(again);
      expect(ids(again)).to.deep.equal(first);
      const other = await list(html`<veche-project-list campaign="big" sort="random" seed=${seed + 1} .adapter=${big(200)}></veche-project-list>`);
      expect(ids(other)).to.not.deep.equal(first.slice(0, 12));
    });

    it('shares filters between two lists of one campaign, not with another campaign', async () => {
      const adapter = memory(bigFixture(120), bigFixture(30, 'other'));
      const holder = await fixture<HTMLDivElement>(html`<div>
        <veche-project-list id="a" campaign="big" .adapter=${adapter}></veche-project-list>
        <veche-project-list id="b" campaign="big" .adapter=${adapter}></veche-project-list>
        <veche-project-list id="c" campaign="other" .adapter=${adapter}></veche-project-list>
      </div>`);
      const [a, b, c] = ['#a', '#b', '#c'].map((s) => holder.querySelector<VecheProjectList>(s)!);
      await Promise.all([a, b, c].map((el) => settled(el!)));
      await choose(a!, 'district', 'riverside');
      await search(a!, 'скамейки');
      await choose(a!, 'sort', 'random');
      await settled(b!);
      await waitUntil(() => $<HTMLInputElement>(b!, '#q')!.value === 'скамейки', 'b follows a');
      await settled(b!);
      expect($<HTMLSelectElement>(b!, '#district')!.value).to.equal('riverside');
      expect($<HTMLSelectElement>(b!, '#sort')!.value).to.equal('random');
      expect(b!.getAttribute('seed')).to.equal(a!.getAttribute('seed'));
      expect(ids(b!)).to.deep.equal(ids(a!));
      expect($<HTMLSelectElement>(c!, '#district')!.value).to.equal('');
      expect($$(c!, '[part=card]')).to.have.length(12);
      await expect(holder).to.be.accessible();
    });
  });

  describe('opening a project', () => {
    it('opens the detail from a card, names it in the address, and returns focus to the card', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(20)} .clock=${clock}></veche-project-list>`);
      const link = $$(el, '[part=link]')[2]!;
      const selected = oneEvent(el, 'veche-project-select');
      link.click();
      expect((await selected).detail).to.deep.equal({ campaignId: 'big', projectId: 'big-3' });
      await waitUntil(() => dialogOf(el)?.open, 'the dialog opens', { timeout: 4000 });
      expect(location.hash).to.equal('#veche-project=big-3');
      await waitUntil(() => detailOf(el)!.shadowRoot!.querySelector('[part=facts]'), 'the project loads');
      expect(text(detailOf(el)!.shadowRoot!.querySelector('#title')!)).to.equal('Проект 00003');
      await expect(el).to.be.accessible();
      (detailOf(el) as unknown as { close(): void }).close();
      expect(location.hash).to.equal('');
      expect(focusOf(el)).to.equal(linkTo('big-3'));
    });

    it('leaves the card to the host when it cancels veche-project-select', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(5)}></veche-project-list>`);
      el.addEventListener('veche-project-select', (e) => e.preventDefault());
      $(el, '[part=link]')!.click();
      await aTimeout(50);
      expect(detailOf(el)).to.be.null;
      expect(location.hash).to.equal('');
    });

    it('opens the project a shared link names, once, with two lists on the page', async () => {
      history.replaceState(null, '', '#veche-project=big-7');
      const adapter = big(30);
      const holder = await fixture<HTMLDivElement>(html`<div>
        <veche-project-list campaign="big" .adapter=${adapter}></veche-project-list>
        <veche-project-list campaign="big" layout="rows" .adapter=${adapter}></veche-project-list>
      </div>`);
      const [a, b] = [...holder.querySelectorAll('veche-project-list')];
      await Promise.all([settled(a!), settled(b!)]);
      await waitUntil(() => dialogOf(a!)?.open || dialogOf(b!)?.open, 'a dialog opens', { timeout: 4000 });
      await aTimeout(100);
      expect([dialogOf(a!)?.open, dialogOf(b!)?.open].filter(Boolean)).to.have.length(1);
      const el = dialogOf(a!)?.open ? a! : b!;
      await waitUntil(() => detailOf(el)!.shadowRoot!.querySelector('[part=facts]'), 'the project loads');
      expect(text(detailOf(el)!.shadowRoot!.querySelector('#title')!)).to.equal('Проект 00007');
      // Opened from a link, the dialog had no opener: focus goes to the project's card.
      await sendKeys({ press: 'Escape' });

      await waitUntil(() => !dialogOf(el)!.open, 'the dialog closes');
      expect(focusOf(el)).to.equal(linkTo('big-7'));
      expect(location.hash).to.equal('');
    });

    it('opens a project when the address changes to name one', async () => {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(5)}></veche-project-list>`);
      location.hash = '#veche-project=big-2';
      await waitUntil(() => dialogOf(el)?.open, 'the dialog opens', { timeout: 4000 });
      (detailOf(el) as unknown as { close(): void }).close();
    });

    it('takes the keyboard path: search, filters, a card, the dialog, and back', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div>
        <button id="before" type="button">before</button>
        <veche-project-list campaign="big" .adapter=${big(60)} .clock=${clock}></veche-project-list>
      </div>`);
      const el = await settled(holder.querySelector('veche-project-list')!);
      holder.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.id).to.equal('q');
      await sendKeys({ type: 'Проект 0000' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(el).length === 9, 'the search runs');
      for (const id of ['status', 'category', 'district', 'sort']) {
        await sendKeys({ press: 'Tab' });
        expect(root(el).activeElement?.id).to.equal(id);
      }
      await sendKeys({ press: 'Tab' });
      expect(focusOf(el)).to.equal(linkTo(ids(el)[0]!));
      await sendKeys({ press: 'Tab' });
      expect(focusOf(el)).to.equal(linkTo(ids(el)[1]!));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el)?.open, 'the dialog opens', { timeout: 4000 });
      await waitUntil(() => detailOf(el)!.shadowRoot!.activeElement?.getAttribute('part') === 'close', 'focus in the dialog');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el)!.open, 'the dialog closes');
      expect(focusOf(el)).to.equal(linkTo(ids(el)[1]!));
    });
  });

  it('wraps at 320 px in the high-contrast large-text theme, without scrolling sideways', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <veche-provider theme="contrast"><veche-project-list campaign="big" .adapter=${big(30)}></veche-project-list></veche-provider>
    </div>`);
    const el = await settled(holder.querySelector('veche-project-list')!);
    const right = holder.getBoundingClientRect().right;
    for (const node of $$(el, '[part=card], [part=filters], select, input, [part=more]')) {
      expect(node.getBoundingClientRect().right, node.localName).to.be.at.most(right + 0.5);
    }
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(holder).to.be.accessible();
  });

  it('keeps its layout inside a host page with aggressive global CSS', async () => {
    const style = document.createElement('style');
    style.textContent = `* { all: revert; display: inline !important; font-size: 9px !important; color: red !important; list-style: square !important; }
      ul, li, a, div { margin: 3em !important; padding: 0 !important; }`;
    document.head.append(style);
    try {
      const el = await list(html`<veche-project-list campaign="big" .adapter=${big(4)}></veche-project-list>`);
      expect(getComputedStyle(el).display).to.equal('block');
      expect(getComputedStyle($(el, '[part=list]')!).display).to.equal('grid');
      expect(getComputedStyle($(el, '[part=card]')!).listStyleType).to.equal('none');
      expect(getComputedStyle($(el, '[part=link]')!).color).to.equal('rgb(27, 29, 33)');
      expect($$(el, '[part=card]')).to.have.length(4);
    } finally {
      style.remove();
    }
  });

  it('takes its adapter and campaign from <veche-provider>', async () => {
    const el = await list(html`<veche-provider campaign="big" .adapter=${big(2)}><veche-project-list></veche-project-list></veche-provider>`);
    expect($$(el, '[part=card]')).to.have.length(2);
  });
});
