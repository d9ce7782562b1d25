import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, type VecheAdapter } from '@veche/core';
import { withFaults } from '../../../stories/support/adapters.ts';
import { emptyParticipation, krasnoyarskOnly, rawAdapter, reportingDemo } from '../../../stories/support/reporting-fixtures.ts';
import { printer } from '../src/base/print-frame.ts';
import type { VecheParticipation } from '../src/participation/participation.ts';
import '../src/participation/define.ts';
import '../src/provider/define.ts';
import { captureDownloads } from './support/downloads.ts';
import { instrument } from './support/vote-fixtures.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const KRASNOYARSK = ['24,35 %', '0,21 %', '0,05 %', '14,73 %', '10,15 %', '1,49 %'];

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
/** The cells of a table's body, row by row. */
const cells = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));

async function settled(el: VecheParticipation): Promise<VecheParticipation> {
  await waitUntil(() => $(el, '.report, [part=notice], [part=error]'), 'the report settles', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

async function mount(adapter: VecheAdapter | undefined, attrs: { view?: string; year?: number; lang?: string } = {}): Promise<VecheParticipation> {
  const el = await fixture<VecheParticipation>(html`<veche-participation campaign="demo" .adapter=${adapter} view=${attrs.view ?? 'all'} lang=${attrs.lang ?? 'ru'}></veche-participation>`);
  if (attrs.year !== undefined) el.year = attrs.year;
  return settled(el);
}

async function failing(adapter: VecheAdapter, campaign = 'demo'): Promise<{ el: VecheParticipation; code: string }> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = Object.assign(document.createElement('veche-participation'), { adapter, campaign });
  const event = oneEvent(holder, 'veche-error');
  holder.append(el);
  const { detail } = await event;
  await settled(el);
  return { el, code: detail.code };
}

describe('veche-participation', () => {
  let downloads: ReturnType<typeof captureDownloads>;
  const realPrint = printer.print;
  let printed: Window[];
  beforeEach(() => {
    downloads = captureDownloads();
    printed = [];
    printer.print = (win) => void printed.push(win);
  });
  afterEach(() => {
    downloads.restore();
    printer.print = realPrint;
    document.querySelectorAll('body > iframe').forEach((f) => f.remove());
  });

  it('shows the year over year table with exactly the Krasnoyarsk shares', async () => {
    const el = await mount(krasnoyarskOnly(NOW), { view: 'years' });
    expect(text($(el, '[part=label]'))).to.equal('Участие жителей: Кедровогорск');
    const table = $$(el, '[part=table]')[0]!;
    expect(text(table.querySelector('caption'))).to.equal('Участие жителей по годам');
    expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal([
      'Год',
      'Жителей',
      'Жителей 16 лет и старше',
      'Приняли участие',
      'Доля от жителей 16+',
      'Использовали цифровые инструменты',
      'Доля от участников',
      'Доля цифровых от жителей 16+',
    ]);
    expect(cells(table)).to.deep.equal([
      ['2023, Красноярский край, ППМИ', '429 200', '330 527', '80 494', '24,35 %', '167', '0,21 %', '0,05 %'],
      ['2024, Красноярский край, ППМИ', '931 545', '728 691', '107 350', '14,73 %', '10 891', '10,15 %', '1,49 %'],
    ]);
    // The picture comes first and says the same in words.
    const chart = $(el, '[part=chart]')!;
    expect(chart.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect($$(el, '[part=chart] li').map((li) => text(li))).to.deep.equal([
      '2023, Красноярский край, ППМИ Приняли участие: 24,35 % жителей 16+',
      'Использовали цифровые инструменты: 0,21 % участников',
      '2024, Красноярский край, ППМИ Приняли участие: 14,73 % жителей 16+',
      'Использовали цифровые инструменты: 10,15 % участников',
    ]);
    const widths = $$(el, '[part=chart] rect').map((r) => parseFloat(r.getAttribute('width')!));
    [24.35, 0.21, 14.73, 10.15].forEach((w, i) => expect(widths[i]).to.be.closeTo(w, 1e-9));
    for (const share of KRASNOYARSK) expect(text(el)).to.contain(share);
    expect($(el, '[part=chart] svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('draws the funnel of a year and its ways of taking part by channel', async () => {
    const el = await mount(reportingDemo(NOW), { view: 'campaign', year: 2023 });
    expect(text($(el, '.sub'))).to.equal('Кто принял участие в 2023 году');
    expect($$(el, '[part=chart] li').map((li) => text(li))).to.deep.equal([
      'Жителей 429 200',
      'Жителей 16 лет и старше 330 527',
      'Приняли участие 80 494 24,35 % жителей 16+',
      'Использовали цифровые инструменты 167 0,21 % участников, 0,05 % жителей 16+',
    ]);
    const table = $(el, '[part=table]')!;
    expect(text(table.querySelector('caption'))).to.equal('Участники по видам участия, 2023');
    expect(cells(table)).to.deep.equal([['Предложение идей', '167', '80 327', '80 494']]);
    expect($(el, '[part=table] + *')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the campaign’s own year, live, with every way of taking part, then the years', async () => {
    const el = await mount(reportingDemo(NOW));
    expect(text($(el, '.sub'))).to.equal('Кто принял участие в 2026 году');
    const [actions, years] = $$(el, '[part=table]');
    expect(cells(actions!).map((r) => r[0])).to.deep.equal(['Предложение идей', 'Поддержка', 'Голосование', 'Обсуждение']);
    expect(cells(actions!)[2]).to.deep.equal(['Голосование', '0', '1 912', '1 912']);
    expect(cells(years!).map((r) => r[0])).to.deep.equal(['2023, Красноярский край, ППМИ', '2024, Красноярский край, ППМИ', '2026']);
    for (const share of KRASNOYARSK) expect(text(years!)).to.contain(share);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount(krasnoyarskOnly(NOW), { lang: 'en', view: 'years' });
    expect(text($(el, '[part=label]'))).to.equal('Residents taking part: Кедровогорск');
    expect(cells($(el, '[part=table]')!)[0]).to.deep.equal(['2023, Красноярский край, ППМИ', '429,200', '330,527', '80,494', '24.35%', '167', '0.21%', '0.05%']);
    expect(text($(el, '[part~=download]'))).to.equal('Download CSV');
    await expect(el).to.be.accessible();
  });

  it('downloads the report as CSV for Excel, in the page language, and announces it', async () => {
    const el = await mount(krasnoyarskOnly(NOW), { view: 'years' });
    $(el, '[part~=download]')!.click();
    await waitUntil(() => downloads.files.length === 1, 'downloaded');
    expect(downloads.files[0]!.name).to.equal('demo-participation.csv');
    const bytes = new Uint8Array(await downloads.files[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = (await downloads.files[0]!.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.match(/^Год;Муниципалитет;Жителей;Жителей 16 лет и старше;Приняли участие;Доля от жителей 16\+, %;/);
    expect(lines[1]).to.match(/^2023;Красноярский край, ППМИ;429200;330527;80494;24,35;167;0,21;0,05;167;80327;/);
    expect(lines[2]).to.match(/^2024;Красноярский край, ППМИ;931545;728691;107350;14,73;10891;10,15;1,49;/);
    await waitUntil(() => text($(el, '[role=status][aria-live]')) === 'Файл demo-participation.csv скачан', 'announced');
  });

  it('prints the report alone: a copy in a frame, without buttons or focus stops', async () => {
    const el = await mount(reportingDemo(NOW));
    $(el, '[part~=print]')!.click();
    await waitUntil(() => printed.length === 1, 'printed');
    const doc = printed[0]!.document;
    expect(doc.title).to.equal('Участие жителей: Кедровогорск');
    expect(doc.querySelector('h1')!.textContent).to.equal('Участие жителей: Кедровогорск');
    expect(doc.querySelectorAll('table')).to.have.length(2);
    expect(doc.querySelector('button, [tabindex], [role=region]')).to.equal(null);
    for (const share of KRASNOYARSK) expect(doc.body.textContent!.replace(/\s+/g, ' ')).to.contain(share);
  });

  it('reports a failed print and keeps the report', async () => {
    const el = await mount(reportingDemo(NOW));
    const original = printer.print;
    printer.print = () => {
      throw new VecheError('unavailable', 'print failed');
    };
    const event = oneEvent(el, 'veche-error');
    $(el, '[part~=print]')!.click();
    await event;
    await waitUntil(() => $(el, '[part=error]'), 'shown');
    expect(text($(el, '[part=error]'))).to.contain('временно недоступен');
    expect($(el, '.report')).to.exist;
    printer.print = original;
    await expect(el).to.be.accessible();
  });

  it('says when there are no figures, none for the year, or the backend publishes none', async () => {
    const empty = await mount(emptyParticipation(NOW));
    expect(text($(empty, '[part=notice]'))).to.equal('Данных об участии пока нет.');
    const noYear = await mount(reportingDemo(NOW), { year: 2019, view: 'campaign' });
    expect(text($(noYear, '[part=notice]'))).to.equal('Данных об участии пока нет.');
    await expect(noYear).to.be.accessible();
    const base = reportingDemo(NOW);
    for (const adapter of [rawAdapter(base, { getParticipation: undefined }), rawAdapter(base, { capabilities: { ...base.capabilities, participation: false } })]) {
      const el = await mount(adapter);
      expect(text($(el, '[part=notice]'))).to.equal('Этот сервер не публикует отчёт об участии.');
      await expect(el).to.be.accessible();
    }
  });

  it('computes the shares from the counts itself and refuses an unreadable report', async () => {
    const base = reportingDemo(NOW);
    const wrongShares = rawAdapter(base, {
      getParticipation: async () => ({
        campaignId: 'demo',
        municipality: 'Город',
        year: 2023,
        years: [{ year: 2023, population16: 330_527, participants: { online: 167, offline: 80_327 }, shares: { participants16: 0.99 }, actions: { ideas: { online: 'x' } } }],
      }),
    });
    const el = await mount(wrongShares, { view: 'years' });
    expect(cells($(el, '[part=table]')!)[0]!.slice(3, 5)).to.deep.equal(['80 494', '24,35 %']);
    for (const broken of [{ years: null }, { years: [{ year: '2023' }] }, { years: [{ year: 2023, participants: { online: -1, offline: 0 } }] }]) {
      const failed = await failing(rawAdapter(base, { getParticipation: async () => broken }));
      expect(failed.code).to.equal('invalid-response');
      expect(text($(failed.el, '[part=error]'))).to.contain('непонятный ответ');
    }
  });

  it('explains failures, emits veche-error and retries', async () => {
    const spy = instrument(reportingDemo(NOW));
    spy.fail.getParticipation = new VecheError('network', 'offline');
    const { el, code } = await failing(spy.adapter);
    expect(code).to.equal('network');
    expect(text($(el, '[part=error]'))).to.contain('Нет связи с сервером');
    await expect(el).to.be.accessible();
    spy.fail.getParticipation = undefined;
    $(el, '[part=retry]')!.click();
    await waitUntil(() => $(el, '.report'), 'retried');

    for (const [adapter, words] of [
      [withFaults(reportingDemo(NOW), { getParticipation: 'unavailable' }), 'временно недоступен'],
      [withFaults(reportingDemo(NOW), { getParticipation: 'timeout' }), 'не ответил вовремя'],
    ] as const) {
      const failed = await failing(adapter);
      expect(text($(failed.el, '[part=error]')), words).to.contain(words);
    }
    expect((await failing(reportingDemo(NOW), 'elsewhere')).code).to.equal('not-found');
    const noApi = await fixture<VecheParticipation>(html`<veche-participation campaign="demo"></veche-participation>`);
    await settled(noApi);
    expect(text($(noApi, '[part=error]'))).to.contain('укажите адрес API');
    const loading = await fixture<VecheParticipation>(html`<veche-participation campaign="demo" .adapter=${withFaults(reportingDemo(NOW), { getParticipation: 'hang' })}></veche-participation>`);
    await waitUntil(() => $(loading, '[part=loading]'), 'loading');
    await expect(loading).to.be.accessible();
  });

  it('works twice on one page, in <veche-provider> with the contrast theme, 320 px wide', async () => {
    const host = await fixture<HTMLElement>(html`<veche-provider campaign="demo" theme="contrast" .adapter=${reportingDemo(NOW)}>
      <div style="width: 320px">
        <veche-participation view="campaign"></veche-participation>
        <veche-participation view="years"></veche-participation>
      </div>
    </veche-provider>`);
    const [a, b] = [...host.querySelectorAll('veche-participation')];
    await settled(a!);
    await settled(b!);
    expect($$(a!, '[part=table]')).to.have.length(1);
    expect(text($(b!, '[part=table] caption'))).to.equal('Участие жителей по годам');
    // The wide table scrolls inside its own region; the element itself does not.
    for (const el of [a!, b!]) expect(el.scrollWidth).to.be.at.most(320);
    await expect(host).to.be.accessible();
  });

  it('is used with the keyboard: the tables scroll, then CSV with Enter and print with Space', async () => {
    const el = await mount(reportingDemo(NOW));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($$(el, '[role=region]')[0]);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($$(el, '[role=region]')[1]);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, '[part~=download]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => downloads.files.length === 1, 'CSV by keyboard');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal($(el, '[part~=print]'));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => printed.length === 1, 'printed by keyboard');
  });
});
