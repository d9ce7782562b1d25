import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, formatDate, formatRelative, movePhases, type LiveEvent, type PhaseId, type VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';
import { withFaults } from '../../../stories/support/adapters.ts';
import '../src/progress-meter/define.ts';
import { VecheProgressMeter } from '../src/progress-meter/progress-meter.ts';
import '../src/provider/define.ts';

const NOW = new Date('2026-10-01T09:00:00Z');
const DAY = 86_400_000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

/** The demo campaign on a fixed clock, optionally changed. */
function demo(change?: (f: MemoryFixture) => void, options: { signedIn?: boolean } = {}): MemoryAdapter {
  const fixture = demoFixture(NOW);
  change?.(fixture);
  return new MemoryAdapter({ fixtures: [fixture], now: () => NOW, ...(options.signedIn ? { signedInAs: 'resident-1' } : {}) });
}

/** Moves the demo so that `phase` opened a week before NOW. */
const inPhase = (phase: PhaseId) => (f: MemoryFixture) => {
  f.campaign.phases = movePhases(f.campaign.phases, phase, days(-7));
};

/** `base` with some members replaced; other methods stay bound to `base` (MemoryAdapter has #private fields). */
function patched(base: VecheAdapter, members: Record<string, unknown>): VecheAdapter {
  return new Proxy(base, {
    get(target, key) {
      if (typeof key === 'string' && key in members) return members[key];
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** An adapter whose live events the test sends itself; counts subscriptions. */
function pushable(base: VecheAdapter) {
  const listeners = new Set<(event: LiveEvent) => void>();
  const subscribe = (_campaign: string, listener: (event: LiveEvent) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { adapter: patched(base, { subscribe }), listeners, push: (event: LiveEvent) => listeners.forEach((l) => l(event)) };
}

/** A MemoryAdapter that says it cannot push changes. */
const notLive = (base: MemoryAdapter) => patched(base, { capabilities: { ...base.capabilities, live: false }, subscribe: undefined });

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
/** The element's text with every kind of space (Intl uses no-break spaces) as one plain space. */
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
const settled = async (el: VecheProgressMeter) => {
  await waitUntil(() => $(el, 'figure, [role=alert]'), 'the meter settles', { timeout: 4000 });
  await el.updateComplete;
  return el;
};

async function meter(template: unknown): Promise<VecheProgressMeter> {
  const host = await fixture<HTMLElement>(template as never);
  const el = host instanceof VecheProgressMeter ? host : host.querySelector('veche-progress-meter')!;
  return settled(el);
}

describe('veche-progress-meter', () => {
  afterEach(() => {
    VecheProgressMeter.pollFloor = 5;
  });

  describe('support view', () => {
    it('shows the count, the share of residents 16+ and the threshold, reached', async () => {
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-1" .adapter=${demo()} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.equal('1 473 подписи — 12,85 % жителей старше 16 лет, порог 10 %');
      expect(text($(el, '[part=status]'))).to.contain('Порог достигнут');
      const bar = $(el, '[role=meter]')!;
      expect(bar.getAttribute('aria-valuenow')).to.equal('1473');
      expect(bar.getAttribute('aria-label')).to.equal('Поддержка проекта «Детская площадка во дворе на Ленина, 12»');
      expect(bar.getAttribute('aria-valuetext')!.replace(/\s+/g, ' ')).to.contain('1 473 подписи — 12,85 % жителей старше 16 лет, порог 10 %. Порог достигнут');
      expect($(el, '[part=marker]')).to.exist;
      expect(text($(el, '.legend'))).to.equal('Порог: 1 146 подписей');
      // The support phase is over: nothing updates itself, so there is nothing to pause.
      expect($(el, '[part~=pause]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('says how many more are needed below the threshold, with Russian plurals', async () => {
      const adapter = demo();
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.equal('402 подписи — 3,51 % жителей старше 16 лет, порог 10 %');
      expect(text($(el, '[part=status]'))).to.equal('До порога нужно ещё 744 подписи');
      expect($(el, '[part=base] figure')!.dataset['state']).to.equal('left');
      await expect(el).to.be.accessible();

      el.project = 'demo-6';
      await waitUntil(() => text($(el, '[part=summary]')).startsWith('1 061'), 'demo-6 loads');
      expect(text($(el, '[part=summary]'))).to.equal('1 061 подпись — 9,26 % жителей старше 16 лет, порог 10 %');
      expect(text($(el, '[part=status]'))).to.equal('До порога нужно ещё 85 подписей');
    });

    it('has no threshold to show when the campaign sets none', async () => {
      const adapter = demo((f) => delete f.campaign.supportThreshold);
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-1" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.equal('1 473 подписи — 12,85 % жителей старше 16 лет');
      expect(text($(el, '[part=status]'))).to.equal('Порог поддержки не установлен');
      // The bar then shows the share of all residents aged 16+.
      expect($(el, '[role=meter]')!.getAttribute('aria-valuemax')).to.equal('11460');
      expect($(el, '[part=marker]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('shows the count only when the population is unknown', async () => {
      const adapter = demo((f) => delete f.campaign.population16);
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-1" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.equal('1 473 подписи');
      expect(text($(el, '[part=status]'))).to.contain('Число жителей старше 16 лет не указано');
      expect($(el, '[role=meter]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('draws a threshold given as a count without a population', async () => {
      const adapter = demo((f) => {
        delete f.campaign.population16;
        f.campaign.supportThreshold = { type: 'count', value: 1500 };
      });
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-1" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.equal('1 473 подписи, порог 1 500 подписей');
      expect(text($(el, '[part=status]'))).to.equal('До порога нужно ещё 27 подписей');
      expect($(el, '[role=meter]')!.getAttribute('aria-valuemax')).to.equal('1875');
      await expect(el).to.be.accessible();
    });

    it('speaks English with lang="en"', async () => {
      const el = await meter(html`<div lang="en">
        <veche-progress-meter campaign="demo" project="demo-1" .adapter=${demo()} .now=${NOW}></veche-progress-meter>
      </div>`);
      expect(text($(el, '[part=summary]'))).to.equal('1,473 signatures — 12.85% of residents aged 16+, threshold 10%');
      expect(text($(el, '[part=status]'))).to.equal('✓Threshold reached');
      expect(text($(el, '[part=label]'))).to.equal('Support for “Детская площадка во дворе на Ленина, 12”');
      await expect(el).to.be.accessible();
    });

    it('finds the campaign through the project when no campaign is given', async () => {
      const el = await meter(html`<veche-progress-meter project="demo-1" .adapter=${demo()} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.contain('1 473 подписи');
    });
  });

  describe('setup and failures', () => {
    it('asks for a project, and emits veche-error', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-progress-meter'), { adapter: demo(), campaign: 'demo' });
      const event = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await event).detail.code).to.equal('invalid-input');
      await settled(el);
      expect(text($(el, '[part=error]'))).to.contain('укажите проект в атрибуте project');
      expect($(el, '[part=retry]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('asks for an api address and for a campaign', async () => {
      const noApi = await meter(html`<veche-progress-meter campaign="demo" project="demo-1"></veche-progress-meter>`);
      expect(text($(noApi, '[part=error]'))).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();
      const noCampaign = await meter(html`<veche-progress-meter view="timeline" .adapter=${demo()}></veche-progress-meter>`);
      expect(text($(noCampaign, '[part=error]'))).to.contain('укажите кампанию');
      await expect(noCampaign).to.be.accessible();
    });

    it('names an unknown project or campaign', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-progress-meter'), { adapter: demo(), campaign: 'demo', project: 'nope' });
      const event = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await event).detail.code).to.equal('not-found');
      await settled(el);
      expect(text($(el, '[part=error]'))).to.equal('Проект «nope» не найден. Проверьте атрибут project.');
      await expect(el).to.be.accessible();

      const other = await meter(html`<veche-progress-meter view="timeline" campaign="elsewhere" .adapter=${demo()}></veche-progress-meter>`);
      expect(text($(other, '[part=error]'))).to.equal('Кампания «elsewhere» не найдена. Проверьте атрибут campaign.');
    });

    it('shows the loading state while the adapter has not answered', async () => {
      const adapter = withFaults(demo(), { getProject: 'hang' });
      const el = await fixture<VecheProgressMeter>(html`<veche-progress-meter campaign="demo" project="demo-1" .adapter=${adapter}></veche-progress-meter>`);
      await waitUntil(() => $(el, '[part=loading]'), 'loading');
      expect(text($(el, '[part=loading]'))).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('shows a network failure with a retry that works', async () => {
      const base = demo();
      let failing = true;
      const flaky = patched(base, {
        getProject: async (...args: Parameters<VecheAdapter['getProject']>) => {
          if (failing) throw new VecheError('network', 'offline');
          return base.getProject(...args);
        },
      });
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-progress-meter'), { adapter: flaky, campaign: 'demo', project: 'demo-1', now: NOW });
      const event = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await event).detail.code).to.equal('network');
      await settled(el);
      expect(text($(el, '[part=error]'))).to.contain('Нет связи с сервером');
      await expect(el).to.be.accessible();
      failing = false;
      $(el, '[part=retry]')!.click();
      await waitUntil(() => $(el, 'figure'), 'retried');
      expect(text($(el, '[part=summary]'))).to.contain('1 473 подписи');
    });

    it('explains a 500 from the server', async () => {
      const el = await meter(
        html`<veche-progress-meter campaign="demo" project="demo-1" .adapter=${withFaults(demo(), { getCampaign: 'unavailable' })}></veche-progress-meter>`,
      );
      expect(text($(el, '[part=error]'))).to.contain('Сервис временно недоступен');
      expect($(el, '[part=retry]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('reports an unreadable adapter answer instead of throwing', async () => {
      const broken = patched(demo(), { getProject: async () => ({ id: 'demo-1', title: 'x', cost: 'a lot', coFunding: null }) });
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-progress-meter'), { adapter: broken, campaign: 'demo', project: 'demo-1' });
      const event = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await event).detail.code).to.equal('invalid-response');
      await settled(el);
      expect(text($(el, '[part=error]'))).to.contain('непонятный ответ');
      await expect(el).to.be.accessible();
    });

    it('falls back to the support view for an unknown view, and says so once', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-progress-meter'), { adapter: demo(), campaign: 'demo', project: 'demo-1', now: NOW });
      el.setAttribute('view', 'pie');
      const event = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await event).detail.message).to.contain('Unknown view "pie"');
      await settled(el);
      expect(text($(el, '[part=summary]'))).to.contain('1 473 подписи');
    });
  });

  describe('funding view', () => {
    it('shows co-financing by source against the minimum and maximum shares', async () => {
      const el = await meter(html`<veche-progress-meter view="funding" campaign="demo" project="demo-1" .adapter=${demo()} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.equal('Стоимость проекта: 1 450 000 ₽');
      const rows = $$(el, '[part=item]').map((li) => text(li.querySelector('.row')));
      expect(rows).to.deep.equal([
        'Жители 58 000 ₽ · 4 % стоимости',
        'Бизнес 116 000 ₽ · 8 % стоимости',
        'Муниципалитет 116 000 ₽ · 8 % стоимости',
        'Регион 1 160 000 ₽ · 80 % стоимости',
      ]);
      const business = $$(el, '[role=meter]')[1]!;
      expect(business.getAttribute('aria-valuenow')).to.equal('8');
      expect(business.getAttribute('aria-valuetext')!.replace(/\s+/g, ' ')).to.equal('116 000 ₽, 8 % стоимости, минимум 7 %');
      expect(text($$(el, '[part=item]')[1]!)).to.contain('ООО «Кедр-Строй»');
      expect(text($$(el, '[part=item]')[3]!)).to.contain('максимум 85 %');
      expect($$(el, '[data-flag]')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('flags a source below its minimum or above its maximum, and an uncovered part', async () => {
      const adapter = demo((f) => {
        const p = f.projects.find((x) => x.id === 'demo-1')!;
        p.coFunding = [
          { source: 'regional', amount: 1_300_000 },
          { source: 'municipal', amount: 80_000 },
          { source: 'business', amount: 50_000 },
        ];
      });
      const el = await meter(html`<veche-progress-meter view="funding" campaign="demo" project="demo-1" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      const flagged = $$(el, '[data-flag]');
      expect(flagged.map((li) => li.dataset['flag'])).to.deep.equal(['below', 'below', 'above']);
      // Residents bring nothing but must bring 3 %: listed and flagged.
      expect(text(flagged[0]!)).to.contain('Жители 0 ₽ · 0 % стоимости');
      expect(text(flagged[0]!)).to.contain('Меньше минимума: нужно не меньше 3 %');
      expect(text(flagged[1]!)).to.contain('Бизнес 50 000 ₽ · 3,45 % стоимости');
      expect(text(flagged[2]!)).to.contain('Больше максимума: можно не больше 85 %');
      expect(text(el)).to.contain('Ещё не распределено: 20 000 ₽');
      await expect(el).to.be.accessible();
    });

    it('says when there is no co-financing yet', async () => {
      const el = await meter(html`<veche-progress-meter view="funding" campaign="demo" project="demo-8" .adapter=${demo()} .now=${NOW}></veche-progress-meter>`);
      expect(text($(el, '[part=status]'))).to.equal('Софинансирование проекта пока не указано.');
      expect($(el, '[role=meter]')).to.be.null;
      await expect(el).to.be.accessible();
    });
  });

  describe('timeline view', () => {
    it('shows the phases with today in the open one', async () => {
      const el = await meter(html`<veche-progress-meter view="timeline" campaign="demo" .adapter=${demo()} .now=${NOW}></veche-progress-meter>`);
      const closes = formatRelative(new Date(Date.UTC(2026, 9, 10)), NOW, 'ru');
      expect(closes).to.equal('через 8 дней');
      expect(text($(el, '[part=summary]'))).to.equal(`Сейчас идёт этап «Голосование» (4 из 6). Закроется ${closes}.`);
      const steps = $$(el, '[part=item]');
      expect(steps.map((s) => s.dataset['state'])).to.deep.equal(['done', 'done', 'done', 'current', 'upcoming', 'upcoming']);
      expect(steps[3]!.getAttribute('aria-current')).to.equal('step');
      expect(text(steps[3]!)).to.contain(`Идёт сейчас. Закроется ${closes}`);
      expect(text(steps[4]!)).to.contain(`Впереди. Откроется ${closes}`);
      expect(text(steps[0]!)).to.contain('Завершён');
      expect($(el, '[role=img]')!.getAttribute('aria-labelledby')).to.equal('summary');
      expect(text($(el, '.legend'))).to.equal(`Сегодня: ${formatDate(NOW, 'ru')}`.replace(/\s+/g, ' '));
      await expect(el).to.be.accessible();
    });

    it('marks the current phase wherever today is', async () => {
      const adapter = demo();
      const middle: Record<PhaseId, number> = { ideas: -100, support: -60, review: -26, voting: 0, results: 20, implementation: 200 };
      const el = await meter(html`<veche-progress-meter view="timeline" campaign="demo" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      for (const [i, phase] of (['ideas', 'support', 'review', 'voting', 'results', 'implementation'] as const).entries()) {
        el.now = days(middle[phase]);
        await el.updateComplete;
        const states = $$(el, '[part=item]').map((s) => s.dataset['state']);
        expect(states.indexOf('current'), phase).to.equal(i);
        expect(states.filter((s) => s === 'done')).to.have.length(i);
        expect(text($(el, '[part=summary]'))).to.contain(`(${i + 1} из 6)`);
        await expect(el).to.be.accessible();
      }
    });

    it('before the campaign, between phases and after the last one', async () => {
      const el = await meter(html`<veche-progress-meter view="timeline" campaign="demo" .adapter=${demo()} .now=${days(-130)}></veche-progress-meter>`);
      expect(text($(el, '[part=summary]'))).to.match(/^Кампания ещё не началась\. Следующий этап — «Сбор идей»\. Откроется .+\.$/);
      expect($$(el, '[data-state=current]')).to.have.length(0);
      await expect(el).to.be.accessible();

      el.now = days(401);
      await el.updateComplete;
      expect(text($(el, '[part=summary]'))).to.equal('Все этапы завершены.');
      expect($$(el, '[part=item][data-state=done]')).to.have.length(6);

      const gap = demo((f) => {
        f.campaign.phases = f.campaign.phases.map((p) => (p.id === 'voting' ? { ...p, start: days(2).toISOString() } : p));
      });
      const between = await meter(html`<veche-progress-meter view="timeline" campaign="demo" .adapter=${gap} .now=${NOW}></veche-progress-meter>`);
      // The date ends in «г.»: no second full stop after it.
      expect(text($(between, '[part=summary]'))).to.equal(`Следующий этап — «Голосование». Откроется ${formatDate(days(2), 'ru')}`.replace(/\s+/g, ' '));
      expect($$(between, '[part=item]').map((s) => s.dataset['state'])).to.deep.equal(['done', 'done', 'done', 'upcoming', 'upcoming', 'upcoming']);
      await expect(between).to.be.accessible();
    });

    it("adds a project's milestones, progress and photos", async () => {
      const photo = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>'], { type: 'image/svg+xml' }));
      const adapter = demo((f) => {
        f.projects.find((p) => p.id === 'demo-14')!.milestones![2]!.photos = [{ url: photo, alt: 'Открытие городка: дети на канатном парке' }];
      });
      const el = await meter(html`<veche-progress-meter view="timeline" campaign="demo" project="demo-13" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      const progress = $(el, '[role=progressbar]')!;
      expect(progress.getAttribute('aria-valuenow')).to.equal('60');
      expect(text(el)).to.contain('Ход реализации проекта «Площадка для выгула собак»');
      expect(text(el)).to.contain('Готовность 60 %');
      const milestones = $$(el, 'figure:last-of-type [part=item]');
      expect(milestones.map((m) => m.dataset['state'])).to.deep.equal(['done', 'done', 'done', 'upcoming', 'upcoming']);
      expect(text(milestones[0]!)).to.contain('Проект и смета согласованы Выполнено');
      expect(text(milestones[3]!)).to.contain(`Снаряды и освещение Запланировано · ${formatDate(days(20), 'ru', 'long', 'UTC')}`.replace(/\s+/g, ' '));
      await expect(el).to.be.accessible();

      el.project = 'demo-14';
      await waitUntil(() => $(el, 'img[part=photo]'), 'demo-14 loads');
      expect($(el, 'img[part=photo]')!.getAttribute('alt')).to.equal('Открытие городка: дети на канатном парке');
      expect(text(el)).to.contain('Городок открыт, на открытие пришли 250 жителей.');
      await expect(el).to.be.accessible();

      el.project = 'demo-1';
      await waitUntil(() => text(el).includes('План работ'), 'demo-1 loads');
      expect(text(el)).to.contain('План работ по проекту пока не опубликован.');
      expect($(el, '[role=progressbar]')).to.be.null;
      await expect(el).to.be.accessible();
    });
  });

  describe('live updates', () => {
    it('follows the adapter, pauses and resumes, announcing only on request', async () => {
      const adapter = demo(inPhase('support'), { signedIn: true });
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      const live = $(el, '[aria-live]')!;
      const pause = $<HTMLButtonElement>(el, '[part~=pause]')!;
      expect(text(pause)).to.contain('Остановить обновление');
      await expect(el).to.be.accessible();

      await adapter.support('demo-8');
      await waitUntil(() => text($(el, '[part=summary]')).startsWith('403'), 'the count follows');
      expect(text(live)).to.equal('');

      pause.click();
      await el.updateComplete;
      expect(el.paused).to.equal(true);
      expect(text(pause)).to.contain('Продолжить обновление');
      expect(text(live)).to.equal('Обновление остановлено.');
      await adapter.withdrawSupport('demo-8');
      await aTimeout(50);
      expect(text($(el, '[part=summary]'))).to.match(/^403 /);
      await expect(el).to.be.accessible();

      pause.click();
      await waitUntil(() => text($(el, '[part=summary]')).startsWith('402'), 'catches up on resume');
      expect(text(live)).to.equal('Обновление продолжено. Сейчас 402 подписи.');
    });

    it('announces reaching the threshold once, not every tick', async () => {
      const { adapter, push } = pushable(demo(inPhase('support')));
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      const live = $(el, '[aria-live]')!;
      push({ type: 'support', projectId: 'demo-8', count: 1145 });
      push({ type: 'support', projectId: 'demo-9', count: 5000 });
      await el.updateComplete;
      expect(text($(el, '[part=summary]'))).to.match(/^1 145 подписей/);
      expect(text(live)).to.equal('');
      push({ type: 'support', projectId: 'demo-8', count: 1146 });
      await el.updateComplete;
      expect(text($(el, '[part=status]'))).to.contain('Порог достигнут');
      expect(text(live)).to.equal('Проект достиг порога поддержки: 1 146 подписей.');
      await expect(el).to.be.accessible();
    });

    it('pauses and resumes from the keyboard', async () => {
      const { adapter, push, listeners } = pushable(demo(inPhase('support')));
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      await sendKeys({ press: 'Tab' });
      const pause = $<HTMLButtonElement>(el, '[part~=pause]')!;
      expect(root(el).activeElement).to.equal(pause);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.paused).to.equal(true);
      expect(listeners.size).to.equal(0);
      push({ type: 'support', projectId: 'demo-8', count: 500 });
      await el.updateComplete;
      expect(text($(el, '[part=summary]'))).to.match(/^402 /);
      // The button keeps focus and its new name says what it does now.
      expect(root(el).activeElement).to.equal(pause);
      expect(text(pause)).to.contain('Продолжить обновление');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.paused).to.equal(false);
      expect(listeners.size).to.equal(1);
      push({ type: 'support', projectId: 'demo-8', count: 501 });
      await el.updateComplete;
      expect(text($(el, '[part=summary]'))).to.match(/^501 /);
    });

    it('does not poll by default; polls getProject with poll="…"', async () => {
      const base = demo(inPhase('support'), { signedIn: true });
      const adapter = notLive(base);
      const quiet = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect($(quiet, '[part~=pause]')).to.be.null;

      VecheProgressMeter.pollFloor = 0.05;
      const polling = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" poll="0.05" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect($(polling, '[part~=pause]')).to.exist;
      await base.support('demo-8');
      await waitUntil(() => text($(polling, '[part=summary]')).startsWith('403'), 'the poll picks it up');
      await aTimeout(150);
      expect(text($(quiet, '[part=summary]'))).to.match(/^402 /);

      $(polling, '[part~=pause]')!.click();
      await polling.updateComplete;
      await base.withdrawSupport('demo-8');
      await aTimeout(150);
      expect(text($(polling, '[part=summary]'))).to.match(/^403 /);
    });

    it('stops listening when removed from the page', async () => {
      const { adapter, listeners } = pushable(demo(inPhase('support')));
      const el = await meter(html`<veche-progress-meter campaign="demo" project="demo-8" .adapter=${adapter} .now=${NOW}></veche-progress-meter>`);
      expect(listeners.size).to.equal(1);
      const parent = el.parentNode!;
      el.remove();
      expect(listeners.size).to.equal(0);
      parent.append(el);
      await el.updateComplete;
      await el.updateComplete;
      expect(listeners.size).to.equal(1);
    });
  });

  describe('on a page', () => {
    it('works twice on one page inside a provider', async () => {
      const adapter = demo();
      const provider = await fixture<HTMLElement>(html`<veche-provider campaign="demo" .adapter=${adapter}>
        <veche-progress-meter project="demo-1" .now=${NOW}></veche-progress-meter>
        <veche-progress-meter view="funding" project="demo-2" .now=${NOW}></veche-progress-meter>
        <veche-progress-meter view="timeline" project="demo-13" .now=${NOW}></veche-progress-meter>
      </veche-provider>`);
      const [support, funding, timeline] = [...provider.querySelectorAll('veche-progress-meter')];
      await Promise.all([support, funding, timeline].map((m) => settled(m!)));
      expect(text($(support!, '[part=summary]'))).to.contain('1 473 подписи');
      expect(text($(funding!, '[part=label]'))).to.equal('Софинансирование проекта «Освещение набережной Тубы»');
      expect($(timeline!, '[role=progressbar]')).to.exist;
      await expect(provider).to.be.accessible();
    });

    for (const theme of ['dark', 'contrast'] as const) {
      it(`passes axe in the ${theme} theme`, async () => {
        const provider = await fixture<HTMLElement>(html`<veche-provider campaign="demo" theme=${theme} .adapter=${demo()}>
          <veche-progress-meter project="demo-8" .now=${NOW}></veche-progress-meter>
          <veche-progress-meter view="funding" project="demo-1" .now=${NOW}></veche-progress-meter>
          <veche-progress-meter view="timeline" project="demo-13" .now=${NOW}></veche-progress-meter>
        </veche-provider>`);
        await Promise.all([...provider.querySelectorAll('veche-progress-meter')].map((m) => settled(m)));
        await expect(provider).to.be.accessible();
      });
    }
  });
});
