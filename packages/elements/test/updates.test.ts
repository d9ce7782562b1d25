import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, formatDate, type VecheAdapter } from '@veche/core';
import { withFaults } from '../../../stories/support/adapters.ts';
import { TRICKY_NEWS, manyNews, noNews, rawAdapter, reportingDemo, trickyNews } from '../../../stories/support/reporting-fixtures.ts';
import '../src/provider/define.ts';
import '../src/updates/define.ts';
import type { VecheUpdates } from '../src/updates/updates.ts';
import { instrument } from './support/vote-fixtures.ts';

const NOW = new Date('2026-11-28T12:00:00Z');

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
/** Text with every kind of space as one plain space. */
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
const titles = (el: Element) => $$(el, '[part=item] [role=heading]').map((h) => text(h));

async function settled(el: VecheUpdates): Promise<VecheUpdates> {
  await waitUntil(() => $(el, '[part=list], [part=notice], [part=error]'), 'the news settle', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

async function mount(adapter: VecheAdapter | undefined, attrs: { project?: string; limit?: number; lang?: string } = {}): Promise<VecheUpdates> {
  const el = await fixture<VecheUpdates>(
    html`<veche-updates campaign="demo" .adapter=${adapter} .clock=${() => NOW} project=${attrs.project ?? ''} limit=${attrs.limit ?? 5} lang=${attrs.lang ?? 'ru'}></veche-updates>`,
  );
  return settled(el);
}

async function failing(adapter: VecheAdapter, campaign = 'demo'): Promise<{ el: VecheUpdates; code: string }> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = Object.assign(document.createElement('veche-updates'), { adapter, campaign });
  const event = oneEvent(holder, 'veche-error');
  holder.append(el);
  const { detail } = await event;
  await settled(el);
  return { el, code: detail.code };
}

describe('veche-updates', () => {
  it('shows the news newest first: how long ago and the date, photos with their alt text, a link each', async () => {
    const el = await mount(reportingDemo(NOW), { limit: 50 });
    expect(text($(el, '[part=label]'))).to.equal('Новости');
    expect($(el, '[part=label]')!.getAttribute('aria-level')).to.equal('2');
    const items = $$(el, '[part=item]');
    expect(items.length).to.be.greaterThan(8);
    const dates = $$(el, 'time').map((t) => t.getAttribute('datetime')!);
    expect(dates).to.deep.equal([...dates].sort().reverse());
    // The first: voting began 12 days ago.
    expect(titles(el)[0]).to.equal('Началось голосование');
    expect(text(items[0]!.querySelector('[part=kind]'))).to.equal('Этап кампании');
    const date = formatDate(dates[0]!, 'ru').replace(/\s+/g, ' ');
    expect(text(items[0]!.querySelector('time'))).to.equal(`12 дней назад · ${date}`);
    expect(items[0]!.querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('3');

    const review = items.find((i) => text(i).includes('Шесть проектов допущены'))!;
    expect([...review.querySelectorAll('img')].map((i) => i.alt)).to.deep.equal([
      'Эскиз площадки: горка, качели и песочница под навесом',
      'Хоккейная коробка с бортами и фонарями, вид сверху',
    ]);
    const link = review.querySelector<HTMLAnchorElement>('[part=link]')!;
    expect(link.getAttribute('href')).to.equal('/#veche-project=demo-1');
    expect(text(link)).to.equal('Подробнее: Шесть проектов допущены к голосованию');
    const milestone = items.find((i) => text(i).includes('Детский городок в Северном: Открытие'))!;
    expect(text(milestone.querySelector('[part=kind]'))).to.equal('Ход работ');
    expect(milestone.querySelector('img')!.alt).to.equal('Открытие детского городка: дети на канатном парке');
    expect($(el, '[part=more]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loads older items a page at a time, announces them and moves focus to the first new one', async () => {
    const el = await mount(manyNews(7, NOW), { limit: 3 });
    expect(titles(el)).to.deep.equal(['Новость № 1', 'Новость № 2', 'Новость № 3']);
    $(el, '[part=more]')!.click();
    await waitUntil(() => titles(el).length === 6, 'second page');
    await waitUntil(() => text($(el, '[role=status][aria-live]')).length > 0, 'announced');
    expect(text($(el, '[role=status][aria-live]'))).to.equal('Загружено ещё 3 новости, всего 6 новостей');
    expect(root(el).activeElement).to.equal($$(el, '[part=item] [role=heading]')[3]);
    $(el, '[part=more]')!.click();
    await waitUntil(() => titles(el).length === 7, 'last page');
    await el.updateComplete;
    expect(text($(el, '[role=status][aria-live]'))).to.equal('Загружено ещё 1 новость, всего 7 новостей');
    expect($(el, '[part=more]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the list when a page fails, says so and tries again', async () => {
    const spy = instrument(manyNews(5, NOW));
    const el = await mount(spy.adapter, { limit: 2 });
    spy.fail.listUpdates = new VecheError('network', 'offline');
    const event = oneEvent(el, 'veche-error');
    $(el, '[part=more]')!.click();
    expect((await event).detail.code).to.equal('network');
    await waitUntil(() => $(el, '[part=error]'), 'the error');
    expect(text($(el, '[part=error]'))).to.contain('Не удалось загрузить следующие новости. Нет связи с сервером');
    expect(titles(el)).to.have.length(2);
    expect(text($(el, '[part=more]'))).to.equal('Повторить');
    await expect(el).to.be.accessible();
    spy.fail.listUpdates = undefined;
    $(el, '[part=more]')!.click();
    await waitUntil(() => titles(el).length === 4, 'retried');
    expect($(el, '[part=error]')).to.equal(null);
  });

  it('shows one project’s news', async () => {
    const el = await mount(reportingDemo(NOW), { project: 'demo-13' });
    expect(text($(el, '[part=label]'))).to.equal('Новости проекта');
    expect(titles(el)).to.deep.equal([
      'Площадка для выгула собак: Забор и покрытие',
      'Площадка для выгула собак: Подрядчик выбран',
      'Площадка для выгула собак: Проект и смета согласованы',
    ]);
    el.project = 'demo-14';
    await waitUntil(() => titles(el)[0]?.startsWith('Детский городок'), 'another project');
  });

  it('renders what the adapter sends as text: markup, line breaks, decorative photos; unsafe addresses are left out', async () => {
    const el = await mount(trickyNews(NOW));
    const item = $$(el, '[part=item]')[0]!;
    expect(text(item.querySelector('[role=heading]'))).to.equal(TRICKY_NEWS.title);
    expect(root(el).querySelector('script, b, i')).to.equal(null);
    expect(item.querySelector('.text')!.textContent).to.equal(TRICKY_NEWS.text);
    expect([...item.querySelectorAll('img')].map((i) => i.getAttribute('alt'))).to.deep.equal(['Эскиз площадки', 'Хоккейная коробка', 'Открытие городка', '']);
    expect(text(item.querySelector('time'))).to.match(/^1 час назад · /);
    await expect(el).to.be.accessible();

    const base = reportingDemo(NOW);
    const raw = rawAdapter(base, {
      listUpdates: async () => ({
        items: [
          { id: 'x', kind: 'news', title: 'Опасные ссылки', date: NOW.toISOString(), link: 'javascript:alert(1)', photos: [{ url: 'javascript:alert(2)', alt: 'x' }, { url: '//evil.example/p.png', alt: 'y' }, { url: 'https://city.example/p.png', alt: 'Фото' }] },
        ],
        nextCursor: null,
      }),
    });
    const unsafe = await mount(raw);
    expect($(unsafe, '[part=link]')).to.equal(null);
    expect($$(unsafe, 'img').map((i) => i.getAttribute('src'))).to.deep.equal(['https://city.example/p.png']);
  });

  it('says when there is no news, and when the backend publishes none', async () => {
    const empty = await mount(noNews(NOW));
    expect(text($(empty, '[part=notice]'))).to.equal('Новостей пока нет.');
    await expect(empty).to.be.accessible();
    const base = reportingDemo(NOW);
    for (const adapter of [rawAdapter(base, { listUpdates: undefined }), rawAdapter(base, { capabilities: { ...base.capabilities, updates: false } })]) {
      const el = await mount(adapter);
      expect(text($(el, '[part=notice]'))).to.equal('Этот сервер не публикует новости.');
    }
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount(reportingDemo(NOW), { lang: 'en' });
    expect(text($(el, '[part=label]'))).to.equal('News');
    expect(text($$(el, 'time')[0]!)).to.match(/^12 days ago · \d+ November 2026$/);
    expect(text($$(el, '[part=kind]')[0]!)).to.equal('Campaign stage');
    expect(text($(el, '[part=more]'))).to.equal('Show more');
    await expect(el).to.be.accessible();
  });

  it('explains failures, emits veche-error and retries', async () => {
    const spy = instrument(reportingDemo(NOW));
    spy.fail.listUpdates = new VecheError('network', 'offline');
    const { el, code } = await failing(spy.adapter);
    expect(code).to.equal('network');
    expect(text($(el, '[part=error]'))).to.contain('Нет связи с сервером');
    await expect(el).to.be.accessible();
    spy.fail.listUpdates = undefined;
    $(el, '[part=retry]')!.click();
    await waitUntil(() => $(el, '[part=list]'), 'retried');

    for (const [adapter, words] of [
      [withFaults(reportingDemo(NOW), { listUpdates: 'unavailable' }), 'временно недоступен'],
      [withFaults(reportingDemo(NOW), { listUpdates: 'timeout' }), 'не ответил вовремя'],
      [rawAdapter(reportingDemo(NOW), { listUpdates: async () => ({ items: [{ id: 1 }] }) }), 'непонятный ответ'],
      [rawAdapter(reportingDemo(NOW), { listUpdates: async () => null }), 'непонятный ответ'],
    ] as const) {
      const failed = await failing(adapter);
      expect(text($(failed.el, '[part=error]')), words).to.contain(words);
      expect($(failed.el, '[part=retry]'), words).to.exist;
      await expect(failed.el).to.be.accessible();
    }
    const unknown = await failing(reportingDemo(NOW), 'elsewhere');
    expect(unknown.code).to.equal('not-found');

    const noCampaign = await fixture<VecheUpdates>(html`<veche-updates .adapter=${reportingDemo(NOW)}></veche-updates>`);
    await settled(noCampaign);
    expect(text($(noCampaign, '[part=error]'))).to.contain('укажите кампанию');
    const noApi = await fixture<VecheUpdates>(html`<veche-updates campaign="demo"></veche-updates>`);
    await settled(noApi);
    expect(text($(noApi, '[part=error]'))).to.contain('укажите адрес API');
  });

  it('shows the loading state while the adapter has not answered', async () => {
    const el = await fixture<VecheUpdates>(html`<veche-updates campaign="demo" .adapter=${withFaults(reportingDemo(NOW), { listUpdates: 'hang' })}></veche-updates>`);
    await waitUntil(() => $(el, '[part=loading]'), 'loading');
    await expect(el).to.be.accessible();
  });

  it('works twice on one page and inside <veche-provider> in the contrast theme, 320 px wide without sideways scrolling', async () => {
    const adapter = manyNews(4, NOW);
    const host = await fixture<HTMLElement>(html`<veche-provider campaign="demo" theme="contrast" .adapter=${adapter}>
      <div style="width: 320px">
        <veche-updates limit="2" .clock=${() => NOW}></veche-updates>
        <veche-updates limit="3" .clock=${() => NOW}></veche-updates>
      </div>
    </veche-provider>`);
    const [a, b] = [...host.querySelectorAll('veche-updates')];
    await settled(a!);
    await settled(b!);
    expect(titles(a!)).to.have.length(2);
    expect(titles(b!)).to.have.length(3);
    $(a!, '[part=more]')!.click();
    await waitUntil(() => titles(a!).length === 4, 'first loads more');
    expect(titles(b!)).to.have.length(3);
    for (const el of [a!, b!]) expect(el.scrollWidth).to.be.at.most(320);
    await expect(host).to.be.accessible();
  });

  it('is used with the keyboard: Tab through the links to "Показать ещё", Enter loads and reading goes on', async () => {
    const el = await mount(manyNews(4, NOW), { limit: 2 });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($$(el, '[part=link]')[0]);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($$(el, '[part=link]')[1]);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, '[part=more]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(el).length === 4, 'loaded by keyboard');
    expect(root(el).activeElement).to.equal($$(el, '[part=item] [role=heading]')[2]);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($$(el, '[part=link]')[2]);
  });
});
