import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, formatDate, parsePabulib, type VecheAdapter } from '@veche/core';
import { withFaults } from '../../../stories/support/adapters.ts';
import {
  TRICKY_TITLES,
  cumulativeCampaign,
  demoIn,
  emptyCampaign,
  oneProjectCampaign,
  patched,
  trickyCampaign,
} from '../../../stories/support/results-fixtures.ts';
import '../src/provider/define.ts';
import '../src/results/define.ts';
import type { VecheResults } from '../src/results/results.ts';
import { captureDownloads } from './support/downloads.ts';
import { instrument } from './support/vote-fixtures.ts';

const NOW = new Date('2026-12-20T09:00:00Z');
const DAY = 86_400_000;

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
/** Text with every kind of space (Intl uses no-break spaces) as one plain space. */
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();

async function settled(el: VecheResults): Promise<VecheResults> {
  await waitUntil(() => $(el, 'section, [part=error]'), 'the results settle', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

async function mount(adapter: VecheAdapter | undefined, extra: Record<string, unknown> = {}): Promise<VecheResults> {
  const el = await fixture<VecheResults>(html`<veche-results campaign="demo" .adapter=${adapter}></veche-results>`);
  Object.assign(el, extra);
  return settled(el);
}

/** Appends a results element to a fresh holder and waits for its first veche-error. */
async function failing(adapter: VecheAdapter, campaign = 'demo'): Promise<{ el: VecheResults; code: string }> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = Object.assign(document.createElement('veche-results'), { adapter, campaign });
  const event = oneEvent(holder, 'veche-error');
  holder.append(el);
  const { detail } = await event;
  await settled(el);
  return { el, code: detail.code };
}

describe('veche-results', () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(() => (downloads = captureDownloads()));
  afterEach(() => downloads.restore());

  describe('published', () => {
    it('shows budget, turnout, winners and the chart sorted by votes', async () => {
      const el = await mount(demoIn('results', NOW));
      expect(text($(el, 'h2'))).to.equal('Итоги голосования: Народный бюджет Кедровогорска — 2026');
      expect(text(el)).to.contain(`Опубликованы ${formatDate(new Date(NOW.getTime() - 7 * DAY), 'ru')}`.replace(/\s+/g, ' '));
      expect(text($(el, '[part=budget]'))).to.equal('Бюджет 5 800 000 ₽ Распределено 5 800 000 ₽ из 6 000 000 ₽ (96,67 %)');
      const meter = $(el, '[part=budget] [role=meter]')!;
      expect(meter.getAttribute('aria-valuenow')).to.equal('5800000');
      expect(meter.getAttribute('aria-valuemax')).to.equal('6000000');
      expect(meter.getAttribute('aria-valuetext')!.replace(/\s+/g, ' ')).to.equal('Распределено 5 800 000 ₽ из 6 000 000 ₽ (96,67 %)');
      expect(text($(el, '[part=turnout]'))).to.equal('Явка 1 912 жителей 16,68 % жителей старше 16 лет');

      const winners = $$(el, '[part=winners] li').map((li) => text(li));
      expect(winners).to.deep.equal([
        'Детская площадка во дворе на Ленина, 12✓ Победитель 1 450 000 ₽ · 1 207 голосов',
        'Освещение набережной Тубы✓ Победитель 2 300 000 ₽ · 809 голосов',
        'Тротуар к поликлинике по улице Гагарина✓ Победитель 1 200 000 ₽ · 751 голос',
        'Зал для занятий в городской библиотеке✓ Победитель 850 000 ₽ · 476 голосов',
      ]);
      expect(text(el)).to.contain('4 проекта на 5 800 000 ₽');

      const rows = $$(el, '[part=chart] > li');
      expect(rows.map((r) => text(r.querySelector('.muted')))).to.deep.equal([
        '1 207 голосов · 63,13 % голосовавших',
        '809 голосов · 42,31 % голосовавших',
        '779 голосов · 40,74 % голосовавших',
        '751 голос · 39,28 % голосовавших',
        '528 голосов · 27,62 % голосовавших',
        '476 голосов · 24,9 % голосовавших',
      ]);
      expect(rows.map((r) => r.hasAttribute('data-winner'))).to.deep.equal([true, true, false, true, false, true]);
      // Winners carry a word, not only a colour, and a dashed stripe on their bar.
      expect(rows.map((r) => !!r.querySelector('.mark'))).to.deep.equal([true, true, false, true, false, true]);
      expect(rows.map((r) => !!r.querySelector('svg line.hatch'))).to.deep.equal([true, true, false, true, false, true]);
      // The longest bar is the leader's; the others are in proportion.
      const widths = rows.map((r) => r.querySelector('svg .fill')!.getAttribute('width'));
      expect(widths[0]).to.equal('100%');
      expect(parseFloat(widths[5]!)).to.be.closeTo((476 / 1207) * 100, 0.001);
      await expect(el).to.be.accessible();
    });

    it('fetches the titles through listProjects, with getProject only for what is missing', async () => {
      const spy = instrument(demoIn('results', NOW));
      const el = await mount(spy.adapter);
      expect(spy.calls.listProjects).to.equal(1);
      expect(spy.calls.getProject ?? 0).to.equal(0);

      // An adapter whose list leaves a project out: that one comes from getProject.
      const base = demoIn('results', NOW);
      let asked: string[] = [];
      const partial = patched(base, {
        listProjects: async (...args: Parameters<VecheAdapter['listProjects']>) => {
          const page = await base.listProjects(...args);
          return { ...page, items: page.items.filter((p) => p.id !== 'demo-3') };
        },
        getProject: async (id: string) => {
          asked.push(id);
          return base.getProject(id);
        },
      });
      el.adapter = partial;
      await waitUntil(() => asked.length > 0, 'getProject');
      await settled(el);
      expect(asked).to.deep.equal(['demo-3']);
      await waitUntil(() => text(el).includes('Хоккейная коробка у школы № 2'), 'demo-3 titled');

      // A project the adapter no longer knows shows its id.
      asked = [];
      el.adapter = patched(partial, { getProject: async () => Promise.reject(new VecheError('not-found', 'gone')) });
      await waitUntil(() => text(el).includes('Проект demo-3'), 'unnamed');
    });

    it('shows each district: budget used, turnout and its share of residents 16+', async () => {
      const el = await mount(demoIn('results', NOW));
      const districts = $$(el, '[part=district]').map((d) => text(d));
      expect(districts).to.deep.equal([
        'Центральный На проекты-победители: 1 450 000 ₽ Явка: 1 416 жителей — 28,43 % жителей старше 16 лет',
        'Северный На проекты-победители: 1 200 000 ₽ Явка: 1 236 жителей — 33,32 % жителей старше 16 лет',
        'Заречный На проекты-победители: 2 300 000 ₽ Явка: 809 жителей — 29,21 % жителей старше 16 лет',
      ]);
    });

    it('shows a district budget of its own with a bar', async () => {
      const adapter = demoIn('results', NOW, (f) => {
        f.campaign.districts![0]!.budget = 2_000_000;
      });
      const el = await mount(adapter);
      const center = $$(el, '[part=district]')[0]!;
      expect(text(center)).to.contain('Бюджет: 1 450 000 ₽ из 2 000 000 ₽');
      expect(center.querySelector('svg .fill')!.getAttribute('width')).to.equal('72.5%');
      await expect(el).to.be.accessible();
    });

    it('counts points for cumulative voting', async () => {
      const el = await mount(cumulativeCampaign(NOW));
      expect(text($(el, '#chart-title'))).to.equal('Баллы по проектам');
      const values = $$(el, '[part=chart] > li .muted').map((p) => text(p));
      expect(values[0]).to.match(/^[\d ]+ балл(а|ов)? · [\d,]+ % всех баллов$/);
      const points = values.map((v) => Number(v.split(' балл')[0]!.replace(/\s/g, '')));
      expect(points).to.deep.equal([...points].sort((a, b) => b - a));
      expect(points.reduce((a, b) => a + b, 0)).to.equal(3000);
      const headers = $$(el, 'thead th').map((th) => text(th));
      expect(headers).to.deep.equal(['Место', 'Проект', 'Голоса', 'Баллы', 'Доля', 'Стоимость', 'Итог']);
      await expect(el).to.be.accessible();
    });

    it('has one project', async () => {
      const el = await mount(oneProjectCampaign(NOW));
      expect($$(el, '[part=chart] > li')).to.have.length(1);
      expect(text($(el, '[part=chart]'))).to.equal('Фонтан на площади Победы✓ Победитель 700 голосов · 100 % голосовавших');
      expect(text($(el, '[part=winners]'))).to.contain('Фонтан на площади Победы');
      expect(text(el)).to.contain('1 проект на 2 400 000 ₽');
      await expect(el).to.be.accessible();
    });

    it('says when nobody voted, and when nothing was on the ballot', async () => {
      const none = await mount(emptyCampaign(NOW, 'ballots'));
      expect(text($(none, '[part=turnout]'))).to.contain('0 жителей');
      expect(text(none)).to.contain('Никто не проголосовал.');
      expect(text(none)).to.contain('Ни один проект не прошёл.');
      expect($(none, '[part=chart]')).to.be.null;
      expect($(none, '[part~=toggle]')).to.be.null;
      await expect(none).to.be.accessible();

      const empty = await mount(emptyCampaign(NOW, 'projects'));
      expect(text(empty)).to.contain('В голосовании не было проектов.');
      expect($(empty, 'table')).to.be.null;
      await expect(empty).to.be.accessible();
    });

    it('marks preliminary results', async () => {
      const base = demoIn('results', NOW);
      const adapter = patched(base, { getResults: async (id: string) => ({ ...(await base.getResults(id)), status: 'preliminary' }) });
      const el = await mount(adapter);
      expect(text($(el, '[part=notice]'))).to.equal('Предварительные итоги: администрация их проверяет.');
      await expect(el).to.be.accessible();
    });

    it('speaks English with lang="en"', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"><veche-results campaign="demo" .adapter=${demoIn('results', NOW)}></veche-results></div>`);
      const el = await settled(host.querySelector('veche-results')!);
      await waitUntil(() => text($(el, 'h2')).startsWith('Voting results'), 'English');
      expect(text($(el, '[part=turnout]'))).to.equal('Turnout 1,912 residents 16.68% of residents aged 16+');
      expect(text($(el, '[part=budget]'))).to.contain('₽5,800,000 of ₽6,000,000 allocated (96.67%)');
      expect(text($$(el, '[part=chart] .muted')[0]!)).to.equal('1,207 votes · 63.13% of voters');
      expect(text(el)).to.contain('4 projects for ₽5,800,000');
      expect(text($(el, '[part~=toggle]'))).to.equal('Table');
      await expect(el).to.be.accessible();
    });

    it('works twice on one page, each with its own table toggle', async () => {
      const host = await fixture<HTMLDivElement>(html`<div>
        <veche-results campaign="demo" .adapter=${demoIn('results', NOW)}></veche-results>
        <veche-results campaign="demo" .adapter=${oneProjectCampaign(NOW)}></veche-results>
      </div>`);
      const [a, b] = [...host.querySelectorAll('veche-results')];
      await settled(a!);
      await settled(b!);
      $(a!, '[part~=toggle]')!.click();
      await a!.updateComplete;
      expect($(a!, '[part=chart]')).to.be.null;
      expect($(b!, '[part=chart]')).to.exist;
      expect($$(a!, 'tbody tr')).to.have.length(6);
      expect($$(b!, 'tbody tr')).to.have.length(1);
      await expect(host).to.be.accessible();
    });
  });

  describe('the table alternative', () => {
    it('is read by screen readers while the chart is hidden from them, and shown by the toggle', async () => {
      const el = await mount(demoIn('results', NOW));
      const chart = $(el, '[part=chart]')!;
      expect(chart.getAttribute('aria-hidden')).to.equal('true');
      const table = $(el, 'table')!;
      expect(table.parentElement!.className).to.equal('visually-hidden');
      expect(text(table.querySelector('caption'))).to.equal('Голоса по проектам');
      const first = [...table.querySelectorAll('tbody tr')][0]!;
      expect([...first.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())).to.deep.equal([
        '1',
        'Детская площадка во дворе на Ленина, 12 Центральный',
        '1 207 голосов',
        '63,13 %',
        '1 450 000 ₽',
        '✓ Победитель',
      ]);
      expect(first.querySelector('th')!.getAttribute('scope')).to.equal('row');
      const third = [...table.querySelectorAll('tbody tr')][2]!;
      expect(text(third.lastElementChild)).to.equal('Не прошёл');

      const toggle = $(el, '[part~=toggle]')!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '[part=chart]')).to.be.null;
      expect($(el, 'table')!.parentElement!.className).to.equal('scroll');
      await expect(el).to.be.accessible();
    });

    it('ranks equal values at the same place', async () => {
      const el = await mount(trickyCampaign(NOW));
      const ranks = $$(el, 'tbody tr').map((tr) => text(tr.firstElementChild));
      expect(ranks).to.deep.equal(['1', '2', '2']);
    });
  });

  describe('downloads', () => {
    it('makes a CSV for Excel: BOM, ";", CRLF, quoted titles, no formulas', async () => {
      const el = await mount(trickyCampaign(NOW));
      $(el, '[data-format=csv]')!.click();
      await waitUntil(() => downloads.files.length === 1, 'the CSV');
      const [file] = downloads.files;
      expect(file!.name).to.equal('demo-results.csv');
      expect(file!.blob.type).to.equal('text/csv;charset=utf-8');
      const bytes = new Uint8Array(await file!.blob.arrayBuffer());
      const expected =
        '\uFEFF' +
        'Место;Код;Проект;Район;Стоимость, ₽;Голоса;Доля, %;Итог\r\n' +
        `1;p1;"Сквер; фонтан и ""лавочки""";Центральный;1000000;3;75;Победитель\r\n` +
        '2;p3;Каток;;300000;2;50;Победитель\r\n' +
        "2;p2;'=СУММ(A1);Северный;500000;2;50;Не прошёл\r\n";
      expect([...bytes]).to.deep.equal([...new TextEncoder().encode(expected)]);
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(TRICKY_TITLES.p1).to.contain(';');
      await waitUntil(() => text($(el, '[role=status][aria-live]')) === 'Файл demo-results.csv готов.', 'announced');
    });

    it('writes points and decimal shares in the CSV of a cumulative vote, in the page language', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"><veche-results campaign="demo" .adapter=${cumulativeCampaign(NOW)}></veche-results></div>`);
      const el = await settled(host.querySelector('veche-results')!);
      await waitUntil(() => $(el, '[data-format=csv]') && text($(el, 'h2')).startsWith('Voting'), 'English');
      $(el, '[data-format=csv]')!.click();
      await waitUntil(() => downloads.files.length === 1, 'the CSV');
      const lines = (await downloads.files[0]!.blob.text()).split('\r\n');
      // Blob.text() decodes UTF-8 and drops the byte-order mark (checked byte for byte above).
      expect(lines[0]).to.equal('Place;Code;Project;District;Cost, ₽;Votes;Points;Share, %;Outcome');
      expect(lines[1]).to.match(/^1;demo-\d+;[^;]+;[^;]*;\d+;\d+;\d+;\d+(\.\d{1,2})?;(Winner|Not selected)$/);
    });

    it('downloads the Pabulib file from the adapter, and it parses back', async () => {
      const el = await mount(demoIn('results', NOW));
      $(el, '[data-format=pb]')!.click();
      await waitUntil(() => downloads.files.length === 1, 'the .pb');
      const [file] = downloads.files;
      expect(file!.name).to.equal('demo.pb');
      const data = parsePabulib(await file!.blob.text());
      expect(data.meta['num_votes']).to.equal('1912');
      expect(data.projects.map((p) => p.id)).to.have.members(['demo-1', 'demo-2', 'demo-3', 'demo-4', 'demo-5', 'demo-6']);
      expect(data.projects.filter((p) => p.selected === true).map((p) => p.id)).to.have.members(['demo-1', 'demo-2', 'demo-5', 'demo-6']);
      expect(data.votes).to.have.length(1912);
    });

    it('shows a failed Pabulib export with veche-error, and keeps the results', async () => {
      const el = await mount(withFaults(demoIn('results', NOW), { exportPabulib: 'unavailable' }));
      const error = oneEvent(el, 'veche-error');
      $(el, '[data-format=pb]')!.click();
      expect((await error).detail.code).to.equal('unavailable');
      await el.updateComplete;
      expect(text($(el, '[part=error]'))).to.contain('Не удалось скачать файл. Сервис временно недоступен');
      expect($(el, '[part=chart]')).to.exist;
      expect(downloads.files).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('before publication', () => {
    it('says when the results will be published, without an error', async () => {
      const errors: string[] = [];
      const host = await fixture<HTMLDivElement>(html`<div @veche-error=${(e: CustomEvent) => errors.push(e.detail.code)}>
        <veche-results campaign="demo" .adapter=${demoIn('voting', NOW)}></veche-results>
      </div>`);
      const el = await settled(host.querySelector('veche-results')!);
      // Voting opened a week ago and lasts 21 days; results open when it ends.
      const date = formatDate(new Date(NOW.getTime() + 14 * DAY), 'ru');
      expect(text($(el, '[part=notice]'))).to.equal(`Итоги голосования будут опубликованы ${date}`.replace(/\s+/g, ' '));
      expect($(el, '[role=alert]')).to.be.null;
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('takes the date from the campaign when the error does not carry it, or says there is none', async () => {
      const base = demoIn('voting', NOW);
      const closed = async () => Promise.reject(new VecheError('phase-closed', 'not yet'));
      const el = await mount(patched(base, { getResults: closed }));
      expect(text($(el, '[part=notice]'))).to.contain(formatDate(new Date(NOW.getTime() + 14 * DAY), 'ru').replace(/\s+/g, ' '));

      const undated = demoIn('voting', NOW, (f) => {
        f.campaign.phases = f.campaign.phases.filter((p) => p.id !== 'results' && p.id !== 'voting' && p.id !== 'implementation');
      });
      const none = await mount(patched(undated, { getResults: closed }));
      expect(text($(none, '[part=notice]'))).to.equal('Итоги голосования ещё не опубликованы; дата пока не назначена.');
      await expect(none).to.be.accessible();
    });

    it('loads the results by itself once they come out', async () => {
      const base = demoIn('results', NOW);
      const opens = Date.now() + 200;
      const adapter = patched(base, {
        getResults: async (id: string) => {
          if (Date.now() < opens) throw new VecheError('phase-closed', 'not yet', { details: { start: new Date(opens).toISOString() } });
          return base.getResults(id);
        },
      });
      const el = await mount(adapter);
      expect($(el, '[part=notice]')).to.exist;
      await waitUntil(() => $(el, '[part=chart]'), 'published', { timeout: 4000 });
    });

    it('says so when the backend publishes no results', async () => {
      const base = demoIn('results', NOW);
      const el = await mount(patched(base, { capabilities: { ...base.capabilities, results: false } }));
      expect(text($(el, '[part=notice]'))).to.equal('Этот сервер не публикует итоги голосования.');
      await expect(el).to.be.accessible();
    });
  });

  describe('loading and failures', () => {
    it('shows the loading state while the adapter has not answered', async () => {
      const el = await fixture<VecheResults>(html`<veche-results campaign="demo" .adapter=${withFaults(demoIn('results', NOW), { getResults: 'hang' })}></veche-results>`);
      await waitUntil(() => $(el, '[part=loading]'), 'loading');
      expect(text($(el, '[part=loading]'))).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('explains a network failure, emits veche-error, and retries', async () => {
      const spy = instrument(demoIn('results', NOW));
      spy.fail.getResults = new VecheError('network', 'offline');
      const { el, code } = await failing(spy.adapter);
      expect(code).to.equal('network');
      expect(text($(el, '[part=error]'))).to.contain('Нет связи с сервером');
      await expect(el).to.be.accessible();
      spy.fail.getResults = undefined;
      $(el, '[part=retry]')!.click();
      await waitUntil(() => $(el, '[part=chart]'), 'retried');
    });

    it('explains a 500, a timeout, a failed project list and a broken answer', async () => {
      for (const [adapter, words] of [
        [withFaults(demoIn('results', NOW), { getResults: 'unavailable' }), 'временно недоступен'],
        [withFaults(demoIn('results', NOW), { getCampaign: 'timeout' }), 'не ответил вовремя'],
        [withFaults(demoIn('results', NOW), { listProjects: 'network' }), 'Нет связи'],
        [patched(demoIn('results', NOW), { getResults: async () => ({ budget: 'a lot', projects: null }) }), 'непонятный ответ'],
        [patched(demoIn('results', NOW), { getCampaign: async () => ({ id: 'demo' }) }), 'непонятный ответ'],
      ] as const) {
        const { el } = await failing(adapter);
        expect(text($(el, '[part=error]')), words).to.contain(words);
        expect($(el, '[part=retry]'), words).to.exist;
        await expect(el).to.be.accessible();
      }
    });

    it('names an unknown campaign, and asks for a missing one or a missing api', async () => {
      const { el, code } = await failing(demoIn('results', NOW), 'elsewhere');
      expect(code).to.equal('not-found');
      expect(text($(el, '[part=error]'))).to.equal('Кампания «elsewhere» не найдена. Проверьте атрибут campaign.');
      await expect(el).to.be.accessible();

      const noCampaign = await fixture<VecheResults>(html`<veche-results .adapter=${demoIn('results', NOW)}></veche-results>`);
      await settled(noCampaign);
      expect(text($(noCampaign, '[part=error]'))).to.contain('укажите кампанию');
      const noApi = await fixture<VecheResults>(html`<veche-results campaign="demo"></veche-results>`);
      await settled(noApi);
      expect(text($(noApi, '[part=error]'))).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();
    });

    it('takes adapter and campaign from <veche-provider>', async () => {
      const host = await fixture<HTMLElement>(html`<veche-provider campaign="demo" theme="contrast" .adapter=${demoIn('results', NOW)}>
        <veche-results></veche-results>
      </veche-provider>`);
      const el = await settled(host.querySelector('veche-results')!);
      expect($$(el, '[part=chart] > li')).to.have.length(6);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('reaches the table toggle and the downloads with Tab, and uses them with Enter and Space', async () => {
      const el = await mount(demoIn('results', NOW));
      await sendKeys({ press: 'Tab' });
      const toggle = $(el, '[part~=toggle]')!;
      expect(root(el).activeElement).to.equal(toggle);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(root(el).activeElement).to.equal(toggle);
      // The visible table scrolls sideways when it must: it takes focus, so the keyboard can scroll it.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal($(el, '[data-format=csv]'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => downloads.files.length === 1, 'CSV by keyboard');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal($(el, '[data-format=pb]'));
      await sendKeys({ press: 'Space' });
      await waitUntil(() => downloads.files.length === 2, 'Pabulib by keyboard');
      expect(downloads.files.map((f) => f.name)).to.deep.equal(['demo-results.csv', 'demo.pb']);
    });
  });
});
