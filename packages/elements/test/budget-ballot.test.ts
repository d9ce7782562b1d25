import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, formatDate, type Ballot, type MutationOptions, type VecheAdapter, type VotingRules } from '@veche/core';
import '../src/budget-ballot/define.ts';
import '../src/provider/define.ts';
import type { VecheBudgetBallot } from '../src/budget-ballot/budget-ballot.ts';
import { emptyBasket, idempotencyKey, mergeBaskets, readBasket } from '../src/budget-ballot/budget-ballot.model.ts';
import type { VecheBallotChangeDetail } from '../src/budget-ballot/budget-ballot.types.ts';
import type { VecheSignIn } from '../src/sign-in/sign-in.ts';
import { withFaults } from '../../../stories/support/adapters.ts';
import { DAY, NOW, RULES, ballotAt, clock, type BallotSetup } from './support/ballot-fixtures.ts';
import { instrument } from './support/vote-fixtures.ts';

const KEY = 'veche:ballot:adapter|demo';
const PLAYGROUND = 'Детская площадка во дворе на Ленина, 12';

const root = (el: Element) => el.shadowRoot!;
const $ = (el: Element, selector: string) => root(el).querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
/** Text with every run of spaces (Intl's no-break ones too) as one plain space. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element) => plain(root(el).textContent);
const words = (el: Element, selector: string) => plain($(el, selector)?.textContent);
const choice = (el: Element, id: string) => $(el, `input[data-id="${id}"]`) as HTMLInputElement | null;
const card = (el: Element, id: string) => choice(el, id)?.closest<HTMLElement>('[part~=card]') ?? null;
const live = (el: Element) => plain($(el, '[aria-live=polite]')!.textContent);
const dialogOf = (el: Element) => $(el, 'veche-sign-in') as VecheSignIn | null;
const dialogOpen = (el: Element) => !!dialogOf(el)?.shadowRoot?.querySelector('dialog')?.open;
const inDialog = (el: Element, selector: string) => dialogOf(el)!.shadowRoot!.querySelector<HTMLElement>(selector);

/** Waits until the ballot shows its phase (data and the parts it needs are in) or an error. */
const settled = (el: VecheBudgetBallot) =>
  waitUntil(() => $(el, '[part~=phase], [part~=error]') && !$(el, '[part~=loading]'), 'the ballot settles', { timeout: 4000 });

async function mount(adapter: VecheAdapter, options: { lang?: string; resultsHref?: string; district?: string } = {}): Promise<VecheBudgetBallot> {
  const el = await fixture<VecheBudgetBallot>(html`<veche-budget-ballot
    campaign="demo"
    lang=${options.lang ?? 'ru'}
    results-href=${options.resultsHref ?? ''}
    .district=${options.district}
    .adapter=${adapter}
    .clock=${clock}
    .announceDelay=${100}
  ></veche-budget-ballot>`);
  await settled(el);
  return el;
}

const at = (setup: BallotSetup = {}) => ballotAt(setup);

/** Ticks or unticks a project the way a resident does. */
async function pick(el: VecheBudgetBallot, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    choice(el, id)!.click();
    await el.updateComplete;
  }
}

async function review(el: VecheBudgetBallot): Promise<void> {
  $(el, '[part~=review]')!.click();
  await waitUntil(() => $(el, '#review-title'), 'the review step opens');
}

/** Presses "Отправить голос" and waits for the receipt. */
async function send(el: VecheBudgetBallot): Promise<void> {
  $(el, '[part~=submit]')!.click();
  await waitUntil(() => $(el, '#done') || $(el, '[part~=error]') || dialogOpen(el), 'the ballot is sent', { timeout: 4000 });
}

/** Types a voting code into the open dialog and confirms. */
async function signInWith(el: VecheBudgetBallot, code: string): Promise<void> {
  await waitUntil(() => dialogOpen(el), 'the dialog opens');
  const input = inDialog(el, '#voting-code') as HTMLInputElement;
  input.value = code;
  input.dispatchEvent(new Event('input'));
  inDialog(el, '[part~=submit]')!.click();
}

/** Records the Idempotency-Key of every submission. */
function keysOf(adapter: VecheAdapter): (string | undefined)[] {
  const keys: (string | undefined)[] = [];
  const submit = adapter.submitBallot.bind(adapter);
  adapter.submitBallot = (id: string, ballot, options?: MutationOptions) => {
    keys.push(options?.idempotencyKey);
    return submit(id, ballot, options);
  };
  return keys;
}

/** The adapter with some methods replaced (the others still run on the adapter itself). */
function override(adapter: VecheAdapter, methods: Partial<Record<keyof VecheAdapter, unknown>>): VecheAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key in methods) return methods[key as keyof VecheAdapter];
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function forget(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('veche:ballot:')) localStorage.removeItem(key);
}

describe('veche-budget-ballot', () => {
  beforeEach(forget);
  afterEach(forget);

  describe('loading, errors and setup', () => {
    it('shows a loading state while the adapter has not answered', async () => {
      const el = await fixture<VecheBudgetBallot>(
        html`<veche-budget-ballot campaign="demo" .adapter=${withFaults(at(), { getCampaign: 'hang' })}></veche-budget-ballot>`,
      );
      await waitUntil(() => $(el, '[part~=loading]'), 'loading shows');
      expect($(el, '[part~=loading]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('explains a network failure, emits veche-error and retries', async () => {
      const spy = instrument(at());
      spy.fail.listProjects = new VecheError('network', 'offline');
      const errors: string[] = [];
      const holder = await fixture<HTMLDivElement>(html`<div @veche-error=${(e: CustomEvent) => errors.push(e.detail.code)}></div>`);
      const el = document.createElement('veche-budget-ballot');
      Object.assign(el, { adapter: spy.adapter, clock, campaign: 'demo' });
      holder.append(el);
      await settled(el);
      expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
      expect(text(el)).to.contain('Нет связи');
      expect(errors).to.deep.equal(['network']);
      await expect(el).to.be.accessible();
      spy.fail.listProjects = undefined;
      $(el, '[part~=retry]')!.click();
      await waitUntil(() => choice(el, 'demo-1'), 'retried');
    });

    it('explains a 500, a timeout and a broken response, each with a retry', async () => {
      for (const [code, says] of [
        ['unavailable', 'временно недоступен'],
        ['timeout', 'не ответил вовремя'],
        ['invalid-response', 'непонятный ответ'],
      ] as const) {
        const el = await mount(withFaults(at(), { getCampaign: code }));
        expect(text(el), code).to.contain(says);
        expect($(el, '[part~=retry]'), code).to.exist;
        await expect(el).to.be.accessible();
      }
    });

    it('refuses an answer that is not a campaign', async () => {
      const el = await mount(override(at(), { getCampaign: async () => ({ id: 'demo' }) }));
      expect(text(el)).to.contain('непонятный ответ');
    });

    it('leaves out projects it cannot show and refuses a ballot that is not one', async () => {
      const adapter = at({ signedIn: true });
      const page = await adapter.listProjects('demo', { status: 'shortlisted' });
      const el = await mount(
        override(adapter, { listProjects: async () => ({ items: [...page.items, { id: 'x', title: 'Без стоимости' }, null], nextCursor: null }) }),
      );
      expect($$(el, 'input[type=checkbox]')).to.have.length(6);
      expect(text(el)).not.to.contain('NaN');
      const broken = await mount(override(at({ signedIn: true }), { getBallot: async () => ({ status: 'draft' }) }));
      expect(text(broken)).to.contain('непонятный ответ');
      expect($(broken, '[part~=retry]')).to.exist;
    });

    it('says which attribute is missing: api, campaign', async () => {
      const noApi = await fixture<VecheBudgetBallot>(html`<veche-budget-ballot campaign="demo"></veche-budget-ballot>`);
      await settled(noApi);
      expect(text(noApi)).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();
      const noCampaign = await fixture<VecheBudgetBallot>(html`<veche-budget-ballot .adapter=${at()}></veche-budget-ballot>`);
      await settled(noCampaign);
      expect(text(noCampaign)).to.contain('укажите кампанию');
    });

    it('loads every project of a long ballot (200, page by page)', async () => {
      const spy = instrument(at({ projects: 200 }));
      const el = await mount(spy.adapter);
      expect($$(el, 'input[type=checkbox]')).to.have.length(200);
      expect(spy.calls.listProjects).to.equal(3);
    });
  });

  describe('phases', () => {
    it('before voting: the opening date, the rules and the projects, nothing to tick', async () => {
      const adapter = at({ phase: 'review', daysLeft: 5 });
      const el = await mount(adapter);
      const campaign = await adapter.getCampaign('demo');
      const start = campaign.phases.find((p) => p.id === 'voting')!.start;
      expect(words(el, '[part~=phase]')).to.equal(plain(`Голосование начнётся ${formatDate(start, 'ru')}`));
      expect(words(el, '[part~=rules]')).to.contain('не больше 6 000 000 ₽');
      expect(text(el)).to.contain(PLAYGROUND);
      expect($$(el, 'input')).to.have.length(0);
      expect($(el, '[part~=review]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('open: the countdown, the rules in plain words, an empty bar', async () => {
      const el = await mount(at({ daysLeft: 3 }));
      expect(words(el, '[part~=phase]')).to.equal('Голосование закроется через 3 дня.');
      const rules = words(el, '[part~=rules]');
      expect(rules).to.contain('Как голосовать').and.contain('Выберите хотя бы 1 проект').and.contain('голос можно отозвать');
      expect(rules).to.contain('только при отправке голоса');
      expect(words(el, '[part~=summary]')).to.contain('Выбрано на 0 ₽ из 6 000 000 ₽. Осталось 6 000 000 ₽.');
      expect(words(el, '[part~=summary]')).to.contain('Голос ещё не отправлен');
      await expect(el).to.be.accessible();
    });

    it('closed: the vote this device sent, read-only with its receipt, and the link to the results', async () => {
      let now = NOW;
      const adapter = at({ signedIn: true, now: () => now });
      let el = await mount(adapter);
      await pick(el, 'demo-1');
      await review(el);
      await send(el);
      const receipt = words(el, '[part~=code]');
      el.remove();
      // Ten days on: voting has closed and the session has long expired.
      now = new Date(NOW.getTime() + 10 * DAY);
      el = await fixture<VecheBudgetBallot>(
        html`<veche-budget-ballot campaign="demo" results-href="/results" .adapter=${adapter} .clock=${() => now}></veche-budget-ballot>`,
      );
      await settled(el);
      expect(words(el, '[part~=phase]')).to.contain('Голосование завершено');
      expect(words(el, '[part~=receipt]')).to.contain('Ваш голос учтён').and.contain(receipt).and.contain(PLAYGROUND);
      expect($(el, '[part~=withdraw]')).to.equal(null);
      expect($$(el, 'input')).to.have.length(0);
      expect($(el, '[part~=link]')!.getAttribute('href')).to.equal('/results');
      await expect(el).to.be.accessible();
    });

    it('closed: a basket never sent is shown read-only and said not to count; an unsafe link is dropped', async () => {
      localStorage.setItem(KEY, JSON.stringify({ ...emptyBasket(), selection: [{ projectId: 'demo-2' }] }));
      const el = await fixture<VecheBudgetBallot>(
        html`<veche-budget-ballot campaign="demo" results-href="javascript:alert(1)" .adapter=${at({ phase: 'results' })} .clock=${clock}></veche-budget-ballot>`,
      );
      await settled(el);
      expect(text(el)).to.contain('Освещение набережной Тубы').and.contain('не был отправлен и не учтён');
      expect($(el, '[part~=link]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a campaign without a vote says so', async () => {
      const adapter = at();
      const campaign = await adapter.getCampaign('demo');
      const el = await mount(override(adapter, { getCampaign: async () => ({ ...campaign, phases: campaign.phases.filter((p) => p.id !== 'voting') }) }));
      expect(words(el, '[part~=phase]')).to.equal('В этой кампании нет голосования.');
    });
  });

  describe('knapsack', () => {
    it('the bar fills as projects are chosen and the money left stays in view', async () => {
      const el = await mount(at());
      const changes: VecheBallotChangeDetail[] = [];
      el.addEventListener('veche-ballot-change', (e) => changes.push(e.detail));
      await pick(el, 'demo-1', 'demo-4');
      expect(words(el, '[part~=summary]')).to.contain('Выбрано на 3 250 000 ₽ из 6 000 000 ₽. Осталось 2 750 000 ₽.');
      const meter = $(el, '[role=meter]')!;
      expect(meter.getAttribute('aria-valuenow')).to.equal('3250000');
      expect($(el, '[part~=indicator]')!.style.getPropertyValue('--value')).to.match(/^54\.1\d*%$/);
      expect(card(el, 'demo-1')!.hasAttribute('data-chosen')).to.equal(true);
      // The 2.9 M rink no longer fits into the 2.75 M left: marked and explained.
      expect(plain(card(el, 'demo-3')!.textContent)).to.contain('Не помещается в оставшийся бюджет (2 750 000 ₽)');
      expect(choice(el, 'demo-3')!.getAttribute('aria-describedby')).to.contain('-n');
      expect(changes.at(-1)).to.deep.include({ campaignId: 'demo', total: 3_250_000, violations: [] });
      expect(changes.at(-1)!.selection).to.deep.equal([{ projectId: 'demo-1' }, { projectId: 'demo-4' }]);
      await expect(el).to.be.accessible();
    });

    it('over budget: explained next to the project that tipped it, fixed by removing one', async () => {
      const el = await mount(at());
      await pick(el, 'demo-1', 'demo-4', 'demo-3');
      expect(card(el, 'demo-3')!.hasAttribute('data-invalid')).to.equal(true);
      expect(plain(card(el, 'demo-3')!.textContent)).to.contain('С этим проектом бюджет превышен на 150 000 ₽');
      expect(words(el, '[part~=summary]')).to.contain('Бюджет превышен на 150 000 ₽').and.contain('стоят 6 150 000 ₽, а бюджет — 6 000 000 ₽');
      expect($(el, '[part~=track]')!.parentElement!.hasAttribute('data-over')).to.equal(true);
      await expect(el).to.be.accessible();
      $(el, '[part~=review]')!.click();
      await waitUntil(() => $(el, '#issues'), 'the issues show');
      expect(root(el).activeElement === $(el, '#issues'), 'focus').to.equal(true);
      expect($(el, '#review-title')).to.equal(null);
      await pick(el, 'demo-4');
      expect(card(el, 'demo-3')!.hasAttribute('data-invalid')).to.equal(false);
      expect($(el, '#issues')).to.equal(null);
    });

    it('under the minimum spend: said as what is still needed, an error once the resident tries to send', async () => {
      const el = await mount(at({ rules: RULES.minSpend }));
      expect(words(el, '[part~=rules]')).to.contain('не меньше 3 000 000 ₽ (50 % бюджета)');
      expect($(el, '.marker')).to.exist;
      await pick(el, 'demo-6');
      expect(words(el, '[part~=summary] .muted')).to.contain('нужно не меньше чем на 3 000 000 ₽');
      await review(el).catch(() => {});
      expect(words(el, '#issues')).to.contain('Выбрано проектов на 850 000 ₽, а нужно не меньше чем на 3 000 000 ₽.');
      expect($(el, '[part~=summary] .error')).to.exist;
      await pick(el, 'demo-3');
      await review(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('approval, single, cumulative, blank', () => {
    it('approval: too few, then too many explained on the project; the rest marked full', async () => {
      const el = await mount(at({ rules: RULES.approval }));
      expect(words(el, '[part~=rules]')).to.contain('Выберите хотя бы 2 проекта').and.contain('Можно выбрать максимум 3 проекта');
      await pick(el, 'demo-1');
      expect(words(el, '[part~=summary]')).to.contain('Выбрано проектов: 1 из 3').and.contain('Выбрано: 1 проект, а нужно не меньше 2.');
      await pick(el, 'demo-2', 'demo-3');
      expect(plain(card(el, 'demo-4')!.textContent)).to.contain('Уже выбран максимум: 3 проекта');
      await pick(el, 'demo-4');
      expect(plain(card(el, 'demo-4')!.textContent)).to.contain('С этим проектом выбрано больше, чем можно (максимум 3 проекта)');
      expect(words(el, '[part~=summary]')).to.contain('Выбрано: 4 проекта, а можно не больше 3.');
      await expect(el).to.be.accessible();
    });

    it('single: radio buttons, a new choice replaces the old, and the choice can be cleared', async () => {
      const el = await mount(at({ rules: RULES.single }));
      expect(choice(el, 'demo-1')!.type).to.equal('radio');
      await pick(el, 'demo-1', 'demo-2');
      expect(el.selection).to.deep.equal([{ projectId: 'demo-2' }]);
      expect(words(el, '[part~=summary]')).to.contain('Выбрано проектов: 1 из 1');
      await expect(el).to.be.accessible();
      $(el, '[part~=summary] button')!.click();
      await el.updateComplete;
      expect(el.selection).to.deep.equal([]);
      expect(choice(el, 'demo-2')!.checked).to.equal(false);
    });

    it('cumulative: steppers give points, the points left show, too many are explained', async () => {
      const el = await mount(at({ rules: RULES.cumulative }));
      expect(words(el, '[part~=rules]')).to.contain('Распределите 10 баллов').and.contain('максимум 5 баллов');
      const plus = (id: string) => $(el, `button[data-id="${id}"][data-step="1"]`)!;
      for (let i = 0; i < 5; i++) plus('demo-1').click();
      await el.updateComplete;
      expect((choice(el, 'demo-1') as HTMLInputElement).value).to.equal('5');
      expect(words(el, '[part~=summary]')).to.contain('Распределено баллов: 5 из 10. Осталось: 5 баллов.');
      plus('demo-1').click();
      await el.updateComplete;
      expect(plain(card(el, 'demo-1')!.textContent)).to.contain('дано: 6 баллов, а можно не больше 5');
      $(el, 'button[data-id="demo-1"][data-step="-1"]')!.click();
      const input = choice(el, 'demo-2')!;
      input.value = '6';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
      expect(el.selection).to.deep.equal([
        { projectId: 'demo-1', points: 5 },
        { projectId: 'demo-2', points: 6 },
      ]);
      expect(words(el, '[part~=summary]')).to.contain('Распределено баллов: 11 из 10. Роздано на 1 балл больше, чем есть');
      expect(plain(card(el, 'demo-2')!.textContent)).to.contain('Роздано на 1 балл больше');
      await expect(el).to.be.accessible();
    });

    it('a blank vote where allowed: said in the rules and sent as an empty ballot', async () => {
      const adapter = at({ rules: RULES.blank, signedIn: true });
      const el = await mount(adapter);
      expect(words(el, '[part~=rules]')).to.contain('без выбранных проектов').and.not.contain('хотя бы');
      expect(text(el)).to.contain('вы отправите пустой бюллетень');
      await review(el);
      expect(words(el, '[part~=review-step]')).to.contain('пустой бюллетень');
      await send(el);
      expect((await adapter.getBallot('demo'))!.selection).to.deep.equal([]);
      expect(words(el, '[part~=receipt]')).to.contain('Ваш голос учтён').and.contain('пустой бюллетень');
      await expect(el).to.be.accessible();
    });

    it('a blank vote where not allowed: the review asks to choose', async () => {
      const el = await mount(at({ rules: RULES.noBlank }));
      expect(text(el)).not.to.contain('пустой бюллетень');
      $(el, '[part~=review]')!.click();
      await waitUntil(() => $(el, '#issues'), 'the issues show');
      expect(words(el, '#issues')).to.contain('Выберите хотя бы один проект.');
      await expect(el).to.be.accessible();
    });
  });

  describe('districts', () => {
    it("'one': the district first, then its projects and city-wide ones within its budget; it can change before sending", async () => {
      const el = await mount(at({ rules: RULES.one }));
      expect(words(el, '[part~=rules]')).to.contain('Сначала выберите свой район');
      expect($(el, '[part~=summary]')).to.equal(null);
      expect($$(el, '[part~=district] button')).to.have.length(3);
      await expect(el).to.be.accessible();
      [...$$(el, '[part~=district] button')].find((b) => b.textContent!.includes('Центральный'))!.click();
      await el.updateComplete;
      expect(words(el, '[part~=district]')).to.contain('Ваш район: Центральный');
      expect(words(el, '[part~=summary]')).to.contain('из 3 500 000 ₽');
      expect(choice(el, 'demo-1')).to.exist;
      expect(choice(el, 'demo-6')).to.exist;
      expect(choice(el, 'demo-3')).to.equal(null);
      await pick(el, 'demo-1', 'demo-6');
      // Changing the district: the centre's project stays in the basket, marked, until removed.
      $(el, '[part~=district] button')!.click();
      await el.updateComplete;
      el.chooseDistrict('north');
      await el.updateComplete;
      expect(choice(el, 'demo-3')).to.exist;
      expect(text(el)).to.contain('Выбраны, но не могут войти в бюллетень').and.contain('относится к другому району');
      await expect(el).to.be.accessible();
      [...$$(el, 'button[data-step="0"]')][0]!.click();
      await el.updateComplete;
      expect(el.selection).to.deep.equal([{ projectId: 'demo-6' }]);
      await pick(el, 'demo-5');
      await review(el);
      expect(words(el, '[part~=review-step]')).to.contain('Ваш район: Северный');
    });

    it("'one': over the district's own budget, explained on the project that tipped it", async () => {
      const el = await mount(at({ rules: RULES.one }), { district: 'north' });
      await pick(el, 'demo-3', 'demo-5');
      expect(words(el, '[part~=summary]')).to.contain('Выбрано на 4 100 000 ₽ из 3 000 000 ₽. Бюджет превышен на 1 100 000 ₽.');
      expect(plain(card(el, 'demo-5')!.textContent)).to.contain('С этим проектом бюджет превышен на 1 100 000 ₽');
    });

    it("'one': a map's veche-location event with a districtId chooses the district", async () => {
      const el = await mount(at({ rules: RULES.one }));
      const map = document.createElement('div');
      map.slot = 'map';
      el.append(map);
      map.dispatchEvent(new CustomEvent('veche-location', { detail: { lat: 53.72, lng: 91.7, districtId: 'riverside' }, bubbles: true, composed: true }));
      await el.updateComplete;
      expect(words(el, '[part~=district]')).to.contain('Ваш район: Заречный');
      expect(choice(el, 'demo-2')).to.exist;
    });

    it("'one': tapping the map (<veche-project-map mode=\"pick\"> in the map slot) chooses the district", async () => {
      await import('../src/project-map/define.ts');
      const adapter = at({ rules: RULES.one });
      const el = await fixture<VecheBudgetBallot>(html`<veche-budget-ballot campaign="demo" .adapter=${adapter} .clock=${clock}>
        <veche-project-map slot="map" mode="pick" campaign="demo" .adapter=${adapter}></veche-project-map>
      </veche-budget-ballot>`);
      await settled(el);
      const map = el.querySelector('veche-project-map')!;
      const pick = () => [...map.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Выбрать место под перекрестием'));
      await waitUntil(() => pick(), 'the map is ready', { timeout: 4000 });
      // The map opens on the districts; the point under the crosshair lies in the centre.
      pick()!.click();
      await waitUntil(() => words(el, '[part~=district]').includes('Ваш район: Центральный'), 'the district is chosen');
      expect(choice(el, 'demo-1')).to.exist;
      await expect(el).to.be.accessible();
    });

    it("'one': the host can give the district", async () => {
      const el = await mount(at({ rules: RULES.one }), { district: 'north' });
      expect(words(el, '[part~=district]')).to.contain('Северный');
    });

    it("'all': one section per district, each with its own budget, and the shared budget for city-wide projects", async () => {
      const el = await mount(at({ rules: RULES.all }));
      expect(words(el, '[part~=rules]')).to.contain('Проекты района оплачиваются из бюджета этого района');
      const headings = $$(el, 'section:not([part~=rules]) h3').map((h) => plain(h.textContent));
      expect(headings).to.deep.equal(['Для всего города', 'Центральный', 'Северный', 'Заречный']);
      expect($$(el, '[role=meter]')).to.have.length(4);
      await pick(el, 'demo-1', 'demo-4', 'demo-6');
      const summary = words(el, '[part~=summary]');
      expect(summary).to.contain('Общий бюджет. Выбрано на 850 000 ₽ из 1 000 000 ₽');
      expect(summary).to.contain('Бюджет района «Центральный». Выбрано на 3 250 000 ₽ из 3 500 000 ₽. Осталось 250 000 ₽.');
      // The centre's 250,000 ₽ left is the centre's: the north's projects still fit in their own budget.
      expect(plain(card(el, 'demo-5')!.textContent)).not.to.contain('Не помещается');
      await pick(el, 'demo-3', 'demo-5');
      expect(plain(card(el, 'demo-5')!.textContent)).to.contain('С этим проектом бюджет превышен на 1 100 000 ₽');
      expect(card(el, 'demo-3')!.hasAttribute('data-invalid')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('the draft', () => {
    it('is kept on this device at every change and restored when the ballot comes back', async () => {
      const adapter = at();
      let el = await mount(adapter);
      await pick(el, 'demo-1', 'demo-5');
      expect(readBasket(KEY)!.selection).to.deep.equal([{ projectId: 'demo-1' }, { projectId: 'demo-5' }]);
      el.remove();
      el = await mount(adapter);
      expect(choice(el, 'demo-1')!.checked).to.equal(true);
      expect(choice(el, 'demo-5')!.checked).to.equal(true);
      expect(words(el, '[part~=notice]')).to.contain('Восстановлен выбор');
      await expect(el).to.be.accessible();
    });

    it('is saved on the server once signed in', async () => {
      const adapter = at({ signedIn: true });
      const el = await mount(adapter);
      await pick(el, 'demo-2');
      await waitUntil(async () => (await adapter.getBallot('demo'))?.selection.length === 1, 'saved on the server', { timeout: 3000 });
      expect((await adapter.getBallot('demo'))!.status).to.equal('draft');
      await waitUntil(() => text(el).includes('его можно продолжить и на другом устройстве'), 'says so');
    });

    it('comes from the server when another device saved it, and a newer local one wins', async () => {
      const adapter = at({ signedIn: true });
      await adapter.saveBallot('demo', { selection: [{ projectId: 'demo-2' }] });
      const el = await mount(adapter);
      expect(el.selection).to.deep.equal([{ projectId: 'demo-2' }]);
      expect(words(el, '[part~=notice]')).to.contain('сохранённый на другом устройстве');
      el.remove();

      localStorage.setItem(KEY, JSON.stringify({ ...emptyBasket(new Date(Date.now() + DAY)), selection: [{ projectId: 'demo-3' }] }));
      const again = await mount(adapter);
      expect(again.selection).to.deep.equal([{ projectId: 'demo-3' }]);
    });

    it('merges sensibly: a submitted server ballot wins, an empty draft never wins over a choice', () => {
      const server = (status: Ballot['status'], ids: string[], updatedAt: string): Ballot => ({
        campaignId: 'demo',
        status,
        selection: ids.map((projectId) => ({ projectId })),
        updatedAt,
        ...(status === 'submitted' ? { receipt: 'AAAA-BBBB', submittedAt: updatedAt } : {}),
      });
      const local = { ...emptyBasket(new Date('2026-06-15T10:00:00Z')), selection: [{ projectId: 'a' }] };
      expect(mergeBaskets(undefined, undefined).from).to.equal('none');
      expect(mergeBaskets(local, undefined)).to.deep.equal({ basket: local, from: 'local' });
      expect(mergeBaskets(local, server('submitted', ['b'], '2026-06-14T00:00:00Z')).basket.status).to.equal('submitted');
      expect(mergeBaskets(local, server('draft', [], '2026-06-16T00:00:00Z')).basket.selection).to.deep.equal(local.selection);
      expect(mergeBaskets(local, server('draft', ['c'], '2026-06-16T00:00:00Z'))).to.deep.include({ from: 'server' });
      expect(mergeBaskets(local, server('draft', ['c'], '2026-06-14T00:00:00Z')).basket.selection).to.deep.equal(local.selection);
      // This device sent it, the server no longer has it as sent: withdrawn elsewhere.
      const sent = { ...local, status: 'submitted' as const, receipt: 'X' };
      expect(mergeBaskets(sent, null).basket).to.deep.include({ status: 'draft', receipt: undefined });
    });

    it('the Idempotency-Key is stable for one basket and new for another', () => {
      const a = { ...emptyBasket(), selection: [{ projectId: 'a' }] };
      expect(idempotencyKey(a)).to.equal(idempotencyKey({ ...a }));
      expect(idempotencyKey(a)).not.to.equal(idempotencyKey({ ...a, selection: [{ projectId: 'b' }] }));
      expect(idempotencyKey(a)).not.to.equal(idempotencyKey({ ...a, nonce: 'other' }));
    });

    it('two ballots of one campaign on one page share the basket; leaving warns once', async () => {
      const adapter = at();
      const holder = await fixture<HTMLDivElement>(html`<div>
        <veche-budget-ballot campaign="demo" .adapter=${adapter} .clock=${clock}></veche-budget-ballot>
        <veche-budget-ballot campaign="demo" .adapter=${adapter} .clock=${clock}></veche-budget-ballot>
      </div>`);
      const [a, b] = [...holder.querySelectorAll('veche-budget-ballot')];
      await Promise.all([settled(a!), settled(b!)]);
      await pick(a!, 'demo-1');
      await waitUntil(() => choice(b!, 'demo-1')!.checked, 'the twin shows the choice');
      const leave = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leave()).to.equal(true);
      expect(leave()).to.equal(false);
      await pick(b!, 'demo-2');
      expect(leave()).to.equal(true);
      await expect(holder).to.be.accessible();
    });

    it('leaving with nothing chosen, or after sending, does not warn', async () => {
      const adapter = at({ signedIn: true });
      const el = await mount(adapter);
      const leave = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leave()).to.equal(false);
      await pick(el, 'demo-1');
      await review(el);
      await send(el);
      expect(leave()).to.equal(false);
    });
  });

  describe('sending', () => {
    it('review, then "Отправить голос": the receipt with time, choice and code; an event; announced', async () => {
      const adapter = at({ signedIn: true });
      const keys = keysOf(adapter);
      const el = await mount(adapter);
      await pick(el, 'demo-1', 'demo-6');
      await review(el);
      expect(root(el).activeElement === $(el, '#review-title'), 'focus').to.equal(true);
      const reviewText = words(el, '[part~=review-step]');
      expect(reviewText).to.contain('Голос будет учтён, только когда вы нажмёте «Отправить голос»');
      expect(reviewText).to.contain(PLAYGROUND).and.contain('Выбрано на 2 300 000 ₽ из 6 000 000 ₽. Осталось 3 700 000 ₽.');
      expect(plain($(el, '[part~=submit]')!.textContent)).to.equal('Отправить голос');
      await expect(el).to.be.accessible();
      const requests: unknown[] = [];
      el.addEventListener('veche-ballot-submit-request', (e) => requests.push(e.detail));
      const submitted = oneEvent(el, 'veche-ballot-submit');
      $(el, '[part~=submit]')!.click();
      const { detail } = await submitted;
      expect(requests).to.deep.equal([{ campaignId: 'demo', selection: [{ projectId: 'demo-1' }, { projectId: 'demo-6' }] }]);
      expect(detail.ballot.receipt).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(keys).to.have.length(1);
      await el.updateComplete;
      const receipt = words(el, '[part~=receipt]');
      expect(receipt).to.contain('Ваш голос учтён').and.contain(`Код подтверждения: ${detail.ballot.receipt}`);
      expect(receipt).to.contain(`Отправлен ${formatDate(NOW, 'ru', 'datetime')}`).and.contain(PLAYGROUND);
      await waitUntil(() => root(el).activeElement === $(el, '#done'), 'focus on the receipt');
      await waitUntil(() => live(el).startsWith('Ваш голос учтён'), 'announced');
      expect(readBasket(KEY)).to.deep.include({ status: 'submitted', receipt: detail.ballot.receipt });
      await expect(el).to.be.accessible();
    });

    it('"Изменить выбор" goes back with the basket as it was', async () => {
      const el = await mount(at());
      await pick(el, 'demo-2');
      await review(el);
      [...$$(el, '[part~=review-step] button')].at(-1)!.click();
      await waitUntil(() => choice(el, 'demo-2'), 'back');
      expect(choice(el, 'demo-2')!.checked).to.equal(true);
    });

    it('the host can stop the submission (veche-ballot-submit-request)', async () => {
      const spy = instrument(at({ signedIn: true }));
      const el = await mount(spy.adapter);
      el.addEventListener('veche-ballot-submit-request', (e) => e.preventDefault());
      await pick(el, 'demo-1');
      await review(el);
      $(el, '[part~=submit]')!.click();
      await aTimeout(30);
      expect(spy.calls.submitBallot).to.equal(undefined);
    });

    it('signed out: sign-in is asked only at submit time, then the vote goes', async () => {
      const spy = instrument(at());
      const el = await mount(spy.adapter);
      await pick(el, 'demo-1');
      expect(dialogOf(el)).to.equal(null);
      await review(el);
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      expect(spy.calls.submitBallot).to.equal(undefined);
      await expect(el).to.be.accessible();
      const signedIn = oneEvent(el, 'veche-sign-in');
      await signInWith(el, 'DEMO-1001');
      await signedIn;
      await waitUntil(() => $(el, '#done'), 'the receipt shows');
      expect(spy.calls.submitBallot).to.equal(1);
      expect((await spy.adapter.getBallot('demo'))!.selection).to.deep.equal([{ projectId: 'demo-1' }]);
    });

    it('signed out, the dialog closed: not sent, said why, the basket kept', async () => {
      const el = await mount(at());
      await pick(el, 'demo-1');
      await review(el);
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      dialogOf(el)!.close();
      await waitUntil(() => $(el, '[part~=error]'), 'the failure shows');
      expect(words(el, '[part~=error]')).to.contain('Голос не отправлен. Без подтверждения, что вы житель, голос не принимается.');
      expect(readBasket(KEY)!.selection).to.deep.equal([{ projectId: 'demo-1' }]);
      await expect(el).to.be.accessible();
    });

    it('only the host site signs in: says so instead of a dialog', async () => {
      const el = await mount(at({ signIn: { voting: ['host-token'] } }));
      await pick(el, 'demo-1');
      await review(el);
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, '[part~=error]'), 'explained');
      expect(words(el, '[part~=error]')).to.contain('войдите на сайте');
      expect(dialogOf(el)).to.equal(null);
    });

    it('signing in as someone who voted on another device shows that vote; this choice comes back if they withdraw', async () => {
      const adapter = at();
      const contact = 'resident@example.ru';
      // The same resident voted on another device, by e-mail.
      await adapter.requestCode(contact);
      await adapter.signIn({ method: 'one-time-code', contact, code: '123456' });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-5' }] });
      await adapter.signOut();
      const el = await mount(adapter);
      await pick(el, 'demo-1');
      await review(el);
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      inDialog(el, '[part~=switch]')!.click();
      await dialogOf(el)!.updateComplete;
      const field = inDialog(el, '#contact') as HTMLInputElement;
      field.value = contact;
      field.dispatchEvent(new Event('input'));
      inDialog(el, '[part~=submit]')!.click();
      await waitUntil(() => inDialog(el, '#one-time-code'), 'the code field shows');
      const code = inDialog(el, '#one-time-code') as HTMLInputElement;
      code.value = '123456';
      code.dispatchEvent(new Event('input'));
      inDialog(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, '#done'), 'the earlier vote shows');
      expect(words(el, '[part~=notice]')).to.contain('Вы уже проголосовали раньше');
      expect(words(el, '[part~=receipt]')).to.contain('Тротуар к поликлинике').and.not.contain(PLAYGROUND);
      $(el, '[part~=withdraw]')!.click();
      await waitUntil(() => choice(el, 'demo-1'), 'back to the choice');
      expect(el.selection).to.deep.equal([{ projectId: 'demo-1' }]);
    });

    it('a 422 from the server: its violations next to the projects, back at the choice, the basket kept', async () => {
      const spy = instrument(at({ signedIn: true }));
      const el = await mount(spy.adapter);
      await pick(el, 'demo-1');
      await review(el);
      spy.fail.submitBallot = new VecheError('rule-violation', 'The ballot breaks the voting rules', {
        details: { violations: [{ code: 'project-not-eligible', projectId: 'demo-1' }] },
      });
      const error = oneEvent(el, 'veche-error');
      $(el, '[part~=submit]')!.click();
      expect((await error).detail.code).to.equal('rule-violation');
      await waitUntil(() => $(el, '#issues'), 'the issues show');
      expect(words(el, '#issues')).to.contain(`Проект «${PLAYGROUND}» не участвует в голосовании.`);
      expect(card(el, 'demo-1')!.hasAttribute('data-invalid')).to.equal(true);
      expect(plain(card(el, 'demo-1')!.textContent)).to.contain('не участвует в голосовании');
      expect(words(el, '[part~=error]')).to.contain('Голос не отправлен. Выбор не соответствует правилам голосования. Ваш выбор сохранён.');
      expect(choice(el, 'demo-1')!.checked).to.equal(true);
      await expect(el).to.be.accessible();
      // A change forgets the server's complaint.
      await pick(el, 'demo-2');
      expect($(el, '#issues')).to.equal(null);
    });

    it('409 phase closed: explained, reloaded, the basket kept', async () => {
      const spy = instrument(at({ signedIn: true }));
      const el = await mount(spy.adapter);
      await pick(el, 'demo-1');
      await review(el);
      const loads = spy.calls.getCampaign!;
      spy.fail.submitBallot = new VecheError('phase-closed', 'The voting phase is over');
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, '[part~=error]'), 'the failure shows');
      expect(words(el, '[part~=error]')).to.contain('Голос не отправлен. Этот этап сейчас закрыт.').and.contain('Ваш выбор сохранён');
      expect($(el, '[part~=retry]')).to.equal(null);
      await waitUntil(() => spy.calls.getCampaign! > loads, 'reloads');
      expect(readBasket(KEY)!.selection).to.deep.equal([{ projectId: 'demo-1' }]);
      await expect(el).to.be.accessible();
    });

    it('409 conflict (sent meanwhile from another tab): that vote is shown as counted', async () => {
      const adapter = at({ signedIn: true });
      const el = await mount(adapter);
      await pick(el, 'demo-1');
      await review(el);
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-4' }] });
      await send(el);
      expect(words(el, '[part~=notice]')).to.contain('Вы уже проголосовали раньше');
      expect(words(el, '[part~=receipt]')).to.contain('Сквер у Дома культуры');
    });

    it('a network failure, a 500 and a timeout keep the basket; a retry sends it with the same key', async () => {
      const spy = instrument(at({ signedIn: true }));
      const keys = keysOf(spy.adapter);
      const el = await mount(spy.adapter);
      await pick(el, 'demo-1');
      await review(el);
      for (const [code, says] of [
        ['network', 'Нет связи'],
        ['unavailable', 'временно недоступен'],
        ['timeout', 'не ответил вовремя'],
      ] as const) {
        spy.fail.submitBallot = new VecheError(code, 'simulated');
        $(el, '[part~=retry], [part~=submit]')!.click();
        await waitUntil(() => words(el, '[part~=error]').includes(says), code);
        expect(words(el, '[part~=error]')).to.contain('Голос не отправлен').and.contain('Ваш выбор сохранён');
        expect(readBasket(KEY)!.selection).to.deep.equal([{ projectId: 'demo-1' }]);
        await expect(el).to.be.accessible();
      }
      spy.fail.submitBallot = undefined;
      $(el, '[part~=retry]')!.click();
      await waitUntil(() => $(el, '#done'), 'sent');
      expect(new Set(keys).size).to.equal(1);
    });

    it('a lost answer: the retry with the same key makes no second ballot', async () => {
      const adapter = at({ signedIn: true });
      const submit = adapter.submitBallot.bind(adapter);
      let lose = true;
      const receipts: (string | undefined)[] = [];
      adapter.submitBallot = async (id, ballot, options) => {
        const stored = await submit(id, ballot, options);
        receipts.push(stored.receipt);
        if (lose) {
          lose = false;
          throw new VecheError('network', 'The answer was lost');
        }
        return stored;
      };
      const el = await mount(adapter);
      await pick(el, 'demo-1');
      await review(el);
      await send(el);
      expect(words(el, '[part~=error]')).to.contain('Нет связи');
      $(el, '[part~=retry]')!.click();
      await waitUntil(() => $(el, '#done'), 'sent');
      expect(receipts).to.have.length(2);
      expect(receipts[1]).to.equal(receipts[0]);
      expect(words(el, '[part~=code]')).to.equal(receipts[0]);
    });

    it('a double click sends one ballot', async () => {
      const spy = instrument(at({ signedIn: true }));
      const el = await mount(spy.adapter);
      await pick(el, 'demo-1');
      await review(el);
      const submitted = oneEvent(el, 'veche-ballot-submit');
      $(el, '[part~=submit]')!.click();
      $(el, '[part~=submit]')!.click();
      await submitted;
      await aTimeout(30);
      expect(spy.calls.submitBallot).to.equal(1);
    });

    it('a session that ended meanwhile: sign in again, then the same basket goes', async () => {
      const spy = instrument(at({ signedIn: true }));
      const el = await mount(spy.adapter);
      await pick(el, 'demo-1');
      await review(el);
      await spy.adapter.signOut();
      $(el, '[part~=submit]')!.click();
      await signInWith(el, 'DEMO-1003');
      await waitUntil(() => $(el, '#done'), 'sent');
      expect(spy.calls.submitBallot).to.equal(2);
    });
  });

  describe('after sending', () => {
    it('already voted: the receipt on load; withdraw, change, and vote again', async () => {
      const adapter = at({ signedIn: true });
      const first = await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] });
      const el = await mount(adapter);
      expect(words(el, '[part~=receipt]')).to.contain('Ваш голос учтён').and.contain(first.receipt!);
      expect(words(el, '[part~=receipt]')).to.contain('голос можно отозвать и проголосовать заново');
      await expect(el).to.be.accessible();
      const withdrawn = oneEvent(el, 'veche-ballot-withdraw');
      $(el, '[part~=withdraw]')!.click();
      await withdrawn;
      await el.updateComplete;
      expect((await adapter.getBallot('demo'))!.status).to.equal('draft');
      expect(words(el, '[part~=notice]')).to.contain('Ваш голос отозван и сейчас не учитывается');
      await waitUntil(() => root(el).activeElement === $(el, '#notice'), 'focus on the notice');
      expect(choice(el, 'demo-1')!.checked).to.equal(true);
      await pick(el, 'demo-2');
      await review(el);
      await send(el);
      const second = await adapter.getBallot('demo');
      expect(second!.status).to.equal('submitted');
      expect(second!.selection).to.deep.equal([{ projectId: 'demo-1' }, { projectId: 'demo-2' }]);
      expect(second!.receipt).not.to.equal(first.receipt);
    });

    it('without re-voting: the receipt says the vote is final and offers no withdrawal', async () => {
      const adapter = at({ signedIn: true, allowRevote: false });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] });
      const el = await mount(adapter);
      expect(words(el, '[part~=receipt]')).to.contain('Отправленный голос изменить нельзя');
      expect($(el, '[part~=withdraw]')).to.equal(null);
      expect(words(el, '[part~=rules]')).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('a withdrawal that fails is explained and the vote still counts', async () => {
      const spy = instrument(at({ signedIn: true }));
      await spy.adapter.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] });
      const el = await mount(spy.adapter);
      spy.fail.withdrawBallot = new VecheError('network', 'offline');
      $(el, '[part~=withdraw]')!.click();
      await waitUntil(() => $(el, '[part~=error]'), 'explained');
      expect(words(el, '[part~=error]')).to.contain('Голос не отозван. Нет связи');
      expect(words(el, '[part~=receipt]')).to.contain('Ваш голос учтён');
    });
  });

  describe('screen reader and keyboard', () => {
    it('the bar is announced politely once the resident pauses, not at every press', async () => {
      const el = await mount(at());
      el.announceDelay = 250;
      const said: string[] = [];
      const region = $(el, '[aria-live=polite]')!;
      new MutationObserver(() => region.textContent!.trim() && said.push(plain(region.textContent))).observe(region, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      await pick(el, 'demo-1');
      await pick(el, 'demo-4');
      await pick(el, 'demo-6');
      expect(live(el)).to.equal('');
      await waitUntil(() => said.length > 0, 'announced', { timeout: 2000 });
      await aTimeout(300);
      expect(said).to.deep.equal(['Выбрано на 4 100 000 ₽ из 6 000 000 ₽. Осталось 1 900 000 ₽.']);
      expect(region.getAttribute('role')).to.equal('status');
    });

    it('Tab and Space choose, Enter reviews and sends, the code is typed, the receipt takes focus', async () => {
      const el = await mount(at());
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement === choice(el, 'demo-6'), 'focus').to.equal(true);
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.selection).to.deep.equal([{ projectId: 'demo-6' }, { projectId: 'demo-5' }]);
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement === $(el, '[part~=review]'), 'focus').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement === $(el, '#review-title'), 'focus on the review');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement === $(el, '[part~=submit]'), 'focus').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el)?.shadowRoot!.activeElement?.id === 'voting-code', 'focus in the code field');
      await sendKeys({ type: 'DEMO-1010' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement === $(el, '#done'), 'focus on the receipt', { timeout: 4000 });
      expect(words(el, '[part~=receipt]')).to.contain('Ваш голос учтён');
    });

    it('cumulative by keyboard: arrows in the field, Enter on the + button', async () => {
      const el = await mount(at({ rules: RULES.cumulative }));
      await sendKeys({ press: 'Tab' });
      // The − button is disabled at 0 points, so Tab lands in the field.
      expect(root(el).activeElement === choice(el, 'demo-6'), 'focus').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(el.selection).to.deep.equal([{ projectId: 'demo-6', points: 2 }]);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.selection).to.deep.equal([{ projectId: 'demo-6', points: 3 }]);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.selection).to.deep.equal([{ projectId: 'demo-6', points: 2 }]);
      expect(words(el, '[part~=summary]')).to.contain('Осталось: 8 баллов');
    });

    it("'one' by keyboard: the district buttons, then the projects", async () => {
      const el = await mount(at({ rules: RULES.one }));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(words(el, '[part~=district]')).to.contain('Северный');
    });
  });

  describe('language, themes and layout', () => {
    it('speaks English with lang="en"', async () => {
      const el = await mount(at({ daysLeft: 3 }), { lang: 'en' });
      expect(plain($(el, 'h2')!.textContent)).to.equal('Vote for projects');
      expect(words(el, '[part~=phase]')).to.equal('Voting closes in 3 days.');
      await pick(el, 'demo-1');
      expect(words(el, '[part~=summary]')).to.contain('Chosen: ₽1,450,000 of ₽6,000,000. ₽4,550,000 left.');
      expect(words(el, '[part~=rules]')).to.contain('Choose at least 1 project');
      await review(el);
      expect(plain($(el, '[part~=submit]')!.textContent)).to.equal('Send my vote');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the dark and contrast themes and restyles through tokens', async () => {
      for (const theme of ['dark', 'contrast'] as const) {
        const provider = await fixture<HTMLElement>(
          html`<veche-provider theme=${theme}><veche-budget-ballot campaign="demo" .adapter=${at()} .clock=${clock}></veche-budget-ballot></veche-provider>`,
        );
        const el = provider.querySelector('veche-budget-ballot')!;
        await settled(el);
        await pick(el, 'demo-1', 'demo-3', 'demo-4');
        await expect(el).to.be.accessible();
      }
      const el = await fixture<VecheBudgetBallot>(
        html`<veche-budget-ballot style="--veche-budget-ballot-indicator: rgb(1, 2, 3)" campaign="demo" .adapter=${at()} .clock=${clock}></veche-budget-ballot>`,
      );
      await settled(el);
      await pick(el, 'demo-1');
      expect(getComputedStyle($(el, '[part~=indicator]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('wraps at 320 px in the contrast theme without scrolling sideways', async () => {
      for (const rules of [RULES.knapsack, RULES.cumulative, RULES.one] as VotingRules[]) {
        const holder = await fixture<HTMLDivElement>(html`<div style="width: 320px"><veche-provider theme="contrast">
          <veche-budget-ballot campaign="demo" .adapter=${at({ rules })} .clock=${clock}></veche-budget-ballot>
        </veche-provider></div>`);
        const el = holder.querySelector('veche-budget-ballot')!;
        await settled(el);
        expect(el.scrollWidth, rules.method).to.be.at.most(320);
      }
    });
  });
});
