import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, formatDate, type VecheAdapter } from '@veche/core';
import { configure } from '../src/config/context.ts';
import type { VecheVoteDetail, VecheVoteRequestDetail } from '../src/events/events.ts';
import type { VecheSignIn } from '../src/sign-in/sign-in.ts';
import '../src/provider/define.ts';
import '../src/vote-button/define.ts';
import type { VecheVoteButton } from '../src/vote-button/vote-button.ts';
import { withFaults } from '../../../stories/support/adapters.ts';
import { DAY, NOW, clock, deferred, instrument, memoryAt, text } from './support/vote-fixtures.ts';

const SINGLE = { method: 'single' } as const;
const APPROVAL = { method: 'approval', maxProjects: 3 } as const;

const root = (el: Element) => el.shadowRoot!;
const toggle = (el: VecheVoteButton) => root(el).querySelector<HTMLButtonElement>('[part~=button]');
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
/** A part's text with Intl's no-break spaces as plain spaces. */
const words = (el: Element, name: string) => text(part(el, name)!);
const settled = (el: VecheVoteButton) =>
  waitUntil(() => root(el).querySelector('.vote, [part~=error]'), 'the button settles', { timeout: 4000 });
const dialogOf = (el: VecheVoteButton) => root(el).querySelector('veche-sign-in') as VecheSignIn | null;
const dialogOpen = (el: VecheVoteButton) => !!dialogOf(el)?.shadowRoot?.querySelector('dialog')?.open;
const inDialog = (el: VecheVoteButton, selector: string) => dialogOf(el)!.shadowRoot!.querySelector<HTMLElement>(selector);
const live = (el: Element) => root(el).querySelector('[aria-live=polite]')!.textContent!.trim();

async function mount(adapter: VecheAdapter, project = 'demo-1', ballotHref?: string): Promise<VecheVoteButton> {
  const el = await fixture<VecheVoteButton>(
    html`<veche-vote-button campaign="demo" project=${project} ballot-href=${ballotHref ?? ''} .adapter=${adapter} .clock=${clock}></veche-vote-button>`,
  );
  if (!ballotHref) el.removeAttribute('ballot-href');
  await settled(el);
  return el;
}

/** Clicks the toggle and waits for `veche-vote`. */
async function press(el: VecheVoteButton): Promise<VecheVoteDetail> {
  const event = oneEvent(el, 'veche-vote');
  toggle(el)!.click();
  return (await event).detail;
}

describe('veche-vote-button', () => {
  afterEach(() => configure({ api: undefined, adapter: undefined, campaign: undefined }));

  describe('loading, errors and setup', () => {
    it('shows a loading state while the adapter has not answered', async () => {
      const el = await fixture<VecheVoteButton>(
        html`<veche-vote-button project="demo-1" .adapter=${withFaults(memoryAt(), { getProject: 'hang' })}></veche-vote-button>`,
      );
      await waitUntil(() => part(el, 'loading'), 'loading shows');
      expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('explains a network failure, emits veche-error, and retries', async () => {
      const spy = instrument(memoryAt({ rules: SINGLE }));
      spy.fail.getProject = new VecheError('network', 'offline');
      const errors: string[] = [];
      const holder = await fixture<HTMLDivElement>(html`<div @veche-error=${(e: CustomEvent) => errors.push(e.detail.code)}></div>`);
      const el = document.createElement('veche-vote-button');
      Object.assign(el, { adapter: spy.adapter, clock, project: 'demo-1' });
      holder.append(el);
      await settled(el);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(el)).to.contain('Нет связи');
      expect(errors).to.deep.equal(['network']);
      await expect(el).to.be.accessible();
      spy.fail.getProject = undefined;
      part(el, 'retry')!.click();
      await waitUntil(() => toggle(el), 'retried');
      expect(text(el)).to.contain('Голосование закроется через 9 дней');
    });

    it('explains a 500 (unavailable), a timeout and a broken response', async () => {
      for (const [code, words] of [
        ['unavailable', 'временно недоступен'],
        ['timeout', 'не ответил вовремя'],
        ['invalid-response', 'непонятный ответ'],
      ] as const) {
        const el = await mount(withFaults(memoryAt(), { getSupport: code, getIdentity: code }));
        expect(text(el), code).to.contain(words);
        expect(part(el, 'retry'), code).to.exist;
        await expect(el).to.be.accessible();
      }
    });

    it('says which attribute is missing: api, project', async () => {
      const noApi = await fixture<VecheVoteButton>(html`<veche-vote-button project="demo-1"></veche-vote-button>`);
      await settled(noApi);
      expect(text(noApi)).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();

      const noProject = await fixture<VecheVoteButton>(html`<veche-vote-button .adapter=${memoryAt()}></veche-vote-button>`);
      await settled(noProject);
      expect(text(noProject)).to.contain('укажите проект');
      expect(part(noProject, 'retry')).to.equal(null);
      await expect(noProject).to.be.accessible();
    });

    it("takes the campaign from the project when none is given, and rejects a project of another campaign", async () => {
      const el = await fixture<VecheVoteButton>(
        html`<veche-vote-button project="demo-1" .adapter=${memoryAt({ rules: SINGLE })} .clock=${clock}></veche-vote-button>`,
      );
      await settled(el);
      expect(toggle(el)).to.exist;

      const other = await fixture<VecheVoteButton>(
        html`<veche-vote-button project="demo-1" campaign="nope" .adapter=${memoryAt()} .clock=${clock}></veche-vote-button>`,
      );
      await settled(other);
      expect(text(other)).to.contain('Не найдено');
    });

    it('configures from api="memory:demo" and a provider-free page default', async () => {
      configure({ api: 'memory:demo', campaign: 'demo' });
      const el = await fixture<VecheVoteButton>(html`<veche-vote-button project="demo-1"></veche-vote-button>`);
      await settled(el);
      expect(root(el).querySelector('[role=group]')!.getAttribute('aria-label')).to.contain('Проект «Детская площадка');
    });
  });

  describe('phases', () => {
    it('support phase open: count with plural, threshold, countdown', async () => {
      const el = await mount(memoryAt({ phase: 'support', daysLeft: 3 }));
      expect(words(el, 'count')).to.contain('1 473 подписи').and.contain('порог 1 146 пройден');
      expect(words(el, 'phase')).to.contain('Сбор подписей закроется через 3 дня');
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      expect(text(el)).to.contain('подтвердить, что вы житель');
      await expect(el).to.be.accessible();
    });

    it('names the project in the button', async () => {
      const el = await mount(memoryAt({ phase: 'support' }));
      const name = toggle(el)!.textContent!.replace(/\s+/g, ' ').trim();
      expect(name).to.equal('Поддержать проект «Детская площадка во дворе на Ленина, 12»');
      const group = root(el).querySelector('[role=group]')!;
      expect(group.getAttribute('aria-label')).to.equal('Проект «Детская площадка во дворе на Ленина, 12»');
    });

    it('voting open: countdown, no vote count while votes are hidden', async () => {
      const el = await mount(memoryAt({ rules: SINGLE, daysLeft: 3 }));
      expect(words(el, 'phase')).to.contain('Голосование закроется через 3 дня');
      expect(part(el, 'count')).to.equal(null);
      expect(toggle(el)!.textContent).to.contain('Проголосовать');
      await expect(el).to.be.accessible();
    });

    it('shows votes when the campaign shows them', async () => {
      const el = await mount(memoryAt({ rules: SINGLE, voteVisibility: 'always' }));
      expect(words(el, 'count')).to.match(/\d голос/);
    });

    it('not open yet: the opening date, no button', async () => {
      const adapter = memoryAt({ phase: 'ideas', daysLeft: 10 });
      const el = await mount(adapter);
      const campaign = await adapter.getCampaign('demo');
      const start = campaign.phases.find((p) => p.id === 'support')!.start;
      expect(start).to.equal(new Date(NOW.getTime() + 10 * DAY).toISOString());
      expect(words(el, 'phase')).to.contain(`Сбор подписей начнётся ${formatDate(start, 'ru')}`);
      expect(toggle(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('voting not open yet for a shortlisted project between the phases', async () => {
      const el = await mount(memoryAt({ phase: 'review', daysLeft: 5 }));
      expect(words(el, 'phase')).to.contain('Голосование начнётся');
      expect(toggle(el)).to.equal(null);
    });

    it('closed: when it closed, the votes and the outcome, no button', async () => {
      const el = await mount(memoryAt({ phase: 'results' }));
      expect(words(el, 'phase')).to.contain('Голосование завершено');
      expect(words(el, 'count')).to.match(/\d голос/);
      expect(toggle(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('follows the clock: the phase closes without a reload', async () => {
      let now = NOW;
      const adapter = memoryAt({ phase: 'support', daysLeft: 3 });
      const el = await fixture<VecheVoteButton>(
        html`<veche-vote-button campaign="demo" project="demo-8" .adapter=${adapter} .clock=${() => now}></veche-vote-button>`,
      );
      await settled(el);
      expect(words(el, 'phase')).to.contain('Сбор подписей закроется через 3 дня');
      now = new Date(NOW.getTime() + 4 * DAY);
      el.requestUpdate();
      await el.updateComplete;
      expect(words(el, 'phase')).to.contain('Сбор подписей завершён');
      expect(toggle(el)).to.equal(null);
      // The countdown is not in a live region: a tick is never announced.
      expect(live(el)).to.equal('');
    });
  });

  describe('support', () => {
    it('supports, showing the change at once, then announces and emits veche-vote', async () => {
      const spy = instrument(memoryAt({ phase: 'support', signedIn: true }));
      const gate = deferred();
      spy.gate.support = gate.promise;
      const el = await mount(spy.adapter);
      const requests: VecheVoteRequestDetail[] = [];
      el.addEventListener('veche-vote-request', (e) => requests.push(e.detail));
      const event = oneEvent(el, 'veche-vote');
      toggle(el)!.click();
      await el.updateComplete;
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
      expect(words(el, 'count')).to.contain('1 474 подписи');
      gate.resolve();
      const { detail } = await event;
      expect(requests).to.deep.equal([{ campaignId: 'demo', projectId: 'demo-1', action: 'support' }]);
      expect(detail.support).to.deep.equal({ projectId: 'demo-1', state: 'supported', count: 1474 });
      await waitUntil(() => live(el) === 'Вы поддержали проект «Детская площадка во дворе на Ленина, 12».', 'announced politely');
      expect(text(el)).to.contain('Вы поддержали этот проект');
      await expect(el).to.be.accessible();
    });

    it('already supported: pressed; pressing again withdraws; withdrawn shows', async () => {
      const adapter = memoryAt({ phase: 'support', signedIn: true });
      await adapter.support('demo-1');
      const el = await mount(adapter);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
      expect(part(el, 'indicator')).to.exist;
      expect(text(el)).to.contain('Чтобы отозвать подпись');
      await expect(el).to.be.accessible();
      const detail = await press(el);
      expect(detail.action).to.equal('withdraw-support');
      expect(detail.support!.state).to.equal('withdrawn');
      await el.updateComplete;
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      expect(text(el)).to.contain('Вы отозвали подпись');
      expect(words(el, 'count')).to.contain('1 473 подписи');
      await expect(el).to.be.accessible();
    });

    it('rolls back on a 500 and on a network failure, with a retry that works', async () => {
      const spy = instrument(memoryAt({ phase: 'support', signedIn: true }));
      const el = await mount(spy.adapter);
      for (const code of ['unavailable', 'network'] as const) {
        spy.fail.support = new VecheError(code, 'simulated');
        const error = oneEvent(el, 'veche-error');
        toggle(el)!.click();
        expect((await error).detail.code).to.equal(code);
        await el.updateComplete;
        expect(toggle(el)!.getAttribute('aria-pressed'), code).to.equal('false');
        expect(words(el, 'count')).to.contain('1 473 подписи');
        expect(words(el, 'error')).to.contain('Подпись не сохранена');
        await expect(el).to.be.accessible();
      }
      spy.fail.support = undefined;
      const done = oneEvent(el, 'veche-vote');
      part(el, 'retry')!.click();
      await done;
      await el.updateComplete;
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
      expect(part(el, 'error')).to.equal(null);
    });

    it('a double click supports once', async () => {
      const spy = instrument(memoryAt({ phase: 'support', signedIn: true }));
      const el = await mount(spy.adapter);
      const event = oneEvent(el, 'veche-vote');
      toggle(el)!.click();
      toggle(el)!.click();
      toggle(el)!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await event;
      await aTimeout(20);
      expect(spy.calls.support).to.equal(1);
      expect(spy.calls.withdrawSupport).to.equal(undefined);
      expect((await spy.adapter.getSupport('demo-1')).count).to.equal(1474);
    });

    it('does nothing when the host cancels veche-vote-request', async () => {
      const spy = instrument(memoryAt({ phase: 'support', signedIn: true }));
      const el = await mount(spy.adapter);
      el.addEventListener('veche-vote-request', (e) => e.preventDefault());
      toggle(el)!.click();
      await aTimeout(20);
      expect(spy.calls.support).to.equal(undefined);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      expect(dialogOf(el)).to.equal(null);
    });

    it('not eligible: a project that is not published', async () => {
      const el = await mount(memoryAt({ phase: 'support', signedIn: true }), 'demo-10');
      expect(text(el)).to.contain('не собирает подписи');
      expect(toggle(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a session that ended meanwhile: asks to sign in, then supports', async () => {
      const spy = instrument(memoryAt({ phase: 'support', signedIn: true }));
      const el = await mount(spy.adapter);
      await spy.adapter.signOut();
      toggle(el)!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      const done = oneEvent(el, 'veche-vote');
      const input = inDialog(el, '#voting-code') as HTMLInputElement;
      input.value = 'DEMO-1002';
      input.dispatchEvent(new Event('input'));
      inDialog(el, '[part~=submit]')!.click();
      expect((await done).detail.support!.state).to.equal('supported');
    });
  });

  describe('voting', () => {
    it('single: votes once with an Idempotency-Key and shows the receipt', async () => {
      const adapter = memoryAt({ rules: SINGLE, signedIn: true });
      const keys: (string | undefined)[] = [];
      const original = adapter.submitBallot.bind(adapter);
      adapter.submitBallot = (id, ballot, options) => (keys.push(options?.idempotencyKey), original(id, ballot, options));
      const el = await mount(adapter);
      const detail = await press(el);
      expect(detail.action).to.equal('vote');
      expect(detail.receipt).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(keys).to.have.length(1);
      expect(keys[0]).to.be.a('string').with.length.greaterThan(10);
      const ballot = await adapter.getBallot('demo');
      expect(ballot!.selection).to.deep.equal([{ projectId: 'demo-1' }]);
      await el.updateComplete;
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
      expect(text(el)).to.contain('Ваш голос за этот проект учтён').and.contain(`Код подтверждения: ${detail.receipt}`);
      await waitUntil(() => live(el).includes('Голос за проект «Детская площадка во дворе на Ленина, 12» учтён'), 'announced politely');
      await expect(el).to.be.accessible();
    });

    it('voted, then withdrawn: the vote does not count and says so', async () => {
      const adapter = memoryAt({ rules: SINGLE, signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] });
      const el = await mount(adapter);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
      const detail = await press(el);
      expect(detail.action).to.equal('withdraw-vote');
      await el.updateComplete;
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      expect(text(el)).to.contain('сейчас не учтён');
      expect((await adapter.getBallot('demo'))!.status).to.equal('draft');
      await expect(el).to.be.accessible();
    });

    it('single: a vote given elsewhere moves here where re-voting is allowed', async () => {
      const adapter = memoryAt({ rules: SINGLE, signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-2' }] });
      const el = await mount(adapter);
      expect(text(el)).to.contain('Вы уже проголосовали за другой проект').and.contain('перейдёт к этому проекту');
      await press(el);
      expect((await adapter.getBallot('demo'))!.selection).to.deep.equal([{ projectId: 'demo-1' }]);
    });

    it('single without re-voting: a vote given is final', async () => {
      const adapter = memoryAt({ rules: SINGLE, allowRevote: false, signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-2' }] });
      const spy = instrument(adapter);
      const el = await mount(spy.adapter);
      expect(toggle(el)!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el)).to.contain('Изменить голос в этом голосовании нельзя');
      toggle(el)!.click();
      await aTimeout(20);
      expect(spy.calls.submitBallot).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('approval: adds the project to the submitted ballot', async () => {
      const adapter = memoryAt({ rules: APPROVAL, signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-2' }] });
      const el = await mount(adapter);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      await press(el);
      const ballot = await adapter.getBallot('demo');
      expect(ballot!.status).to.equal('submitted');
      expect(ballot!.selection.map((s) => s.projectId)).to.deep.equal(['demo-2', 'demo-1']);
      // Withdrawing takes only this project off.
      await press(el);
      const after = await adapter.getBallot('demo');
      expect(after!.status).to.equal('submitted');
      expect(after!.selection.map((s) => s.projectId)).to.deep.equal(['demo-2']);
    });

    it('approval: a full ballot is explained and left as it was', async () => {
      const adapter = memoryAt({ rules: { method: 'approval', maxProjects: 2 }, signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-2' }, { projectId: 'demo-3' }] });
      const el = await mount(adapter);
      toggle(el)!.click();
      await waitUntil(() => part(el, 'error'), 'the rule is explained');
      expect(words(el, 'error')).to.contain('Голос не отправлен').and.contain('можно не больше 2');
      expect(part(el, 'retry')).to.equal(null);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      const ballot = await adapter.getBallot('demo');
      expect(ballot!.status).to.equal('submitted');
      expect(ballot!.selection).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('rolls back on a failed ballot and puts the earlier ballot back', async () => {
      const spy = instrument(memoryAt({ rules: APPROVAL, signedIn: true }));
      await spy.adapter.submitBallot('demo', { selection: [{ projectId: 'demo-2' }] });
      const el = await mount(spy.adapter);
      let failNext = true;
      const real = spy.adapter.submitBallot.bind(spy.adapter);
      spy.adapter.submitBallot = async (...args) => {
        if (failNext) {
          failNext = false;
          throw new VecheError('unavailable', 'simulated 503');
        }
        return real(...args);
      };
      toggle(el)!.click();
      await waitUntil(() => part(el, 'error'), 'the failure shows');
      expect(words(el, 'error')).to.contain('Голос не отправлен').and.contain('временно недоступен');
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      const ballot = await spy.adapter.getBallot('demo');
      expect(ballot!.status).to.equal('submitted');
      expect(ballot!.selection).to.deep.equal([{ projectId: 'demo-2' }]);
    });

    it('says when the earlier ballot could not be put back', async () => {
      const adapter = memoryAt({ rules: APPROVAL, signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-2' }] });
      adapter.submitBallot = async () => {
        throw new VecheError('network', 'offline');
      };
      const el = await mount(adapter);
      toggle(el)!.click();
      await waitUntil(() => part(el, 'error'), 'the failure shows');
      expect(words(el, 'error')).to.contain('прежний бюллетень отозван');
    });

    it('a double click submits one ballot', async () => {
      const spy = instrument(memoryAt({ rules: SINGLE, signedIn: true }));
      const el = await mount(spy.adapter);
      const event = oneEvent(el, 'veche-vote');
      toggle(el)!.click();
      toggle(el)!.click();
      await event;
      await aTimeout(20);
      expect(spy.calls.submitBallot).to.equal(1);
    });

    it('knapsack: says the vote happens on the ballot and links to it', async () => {
      const adapter = memoryAt({ signedIn: true });
      await adapter.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] });
      const el = await mount(adapter, 'demo-1', '/ballot');
      expect(toggle(el)).to.equal(null);
      expect(text(el)).to.contain('Голосуют в бюллетене').and.contain('есть в вашем отправленном бюллетене');
      expect(part(el, 'link')!.getAttribute('href')).to.equal('/ballot');
      await expect(el).to.be.accessible();
      const unsafe = await mount(adapter, 'demo-1', 'javascript:alert(1)');
      expect(part(unsafe, 'link')).to.equal(null);
    });

    it('not eligible: a project that is not on the ballot', async () => {
      const el = await mount(memoryAt({ rules: SINGLE, signedIn: true }), 'demo-8');
      expect(text(el)).to.contain('не участвует в голосовании');
      expect(toggle(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a sign-in method the campaign does not accept: asks to sign in another way', async () => {
      const adapter = memoryAt({ rules: SINGLE, signedIn: true, signIn: { voting: ['one-time-code'] } });
      const el = await mount(adapter);
      expect(text(el)).to.contain('нужен другой способ входа');
      toggle(el)!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      expect(inDialog(el, '#contact')).to.exist;
      expect(inDialog(el, '#voting-code')).to.equal(null);
      expect(inDialog(el, '[part~=switch]')).to.equal(null);
      await expect(el).to.be.accessible();
      dialogOf(el)!.close();
    });

    it('only the host site can sign in: says so, no button', async () => {
      const el = await mount(memoryAt({ rules: SINGLE, signIn: { voting: ['host-token'] } }));
      expect(text(el)).to.contain('войдите на сайте');
      expect(toggle(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a phase the server says is closed: explains and reloads', async () => {
      const spy = instrument(memoryAt({ rules: SINGLE, signedIn: true }));
      const el = await mount(spy.adapter);
      spy.fail.submitBallot = new VecheError('phase-closed', 'closed');
      const loads = spy.calls.getProject!;
      toggle(el)!.click();
      await waitUntil(() => part(el, 'error'), 'the failure shows');
      expect(words(el, 'error')).to.contain('Этот этап сейчас закрыт');
      await waitUntil(() => spy.calls.getProject! > loads, 'reloads');
    });
  });

  describe('sign-in', () => {
    it('signed out: opens the dialog, signs in, then finishes the vote', async () => {
      const spy = instrument(memoryAt({ rules: SINGLE }));
      const el = await mount(spy.adapter);
      expect(text(el)).to.contain('подтвердить, что вы житель');
      const signedIn = oneEvent(el, 'veche-sign-in');
      const voted = oneEvent(el, 'veche-vote');
      toggle(el)!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      expect(spy.calls.submitBallot).to.equal(undefined);
      await expect(el).to.be.accessible();
      const input = inDialog(el, '#voting-code') as HTMLInputElement;
      await waitUntil(() => dialogOf(el)!.shadowRoot!.activeElement === input, 'focus is in the code field');
      input.value = 'DEMO-1001';
      input.dispatchEvent(new Event('input'));
      inDialog(el, '[part~=submit]')!.click();
      expect((await signedIn).detail.identity.method).to.equal('voting-code');
      const { detail } = await voted;
      expect(detail.receipt).to.be.a('string');
      expect(spy.calls.submitBallot).to.equal(1);
      await el.updateComplete;
      expect(dialogOpen(el)).to.equal(false);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('signed in as someone who already voted: says so instead of voting twice', async () => {
      const spy = instrument(memoryAt({ phase: 'support' }));
      // Another device of the same resident (voting code DEMO-1003) supported already.
      await spy.adapter.signIn({ method: 'voting-code', code: 'DEMO-1003' });
      await spy.adapter.support('demo-1');
      await spy.adapter.signOut();
      const el = await mount(spy.adapter);
      const supports = spy.calls.support;
      toggle(el)!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      // The used code cannot sign in again; a fresh resident can.
      const input = inDialog(el, '#voting-code') as HTMLInputElement;
      input.value = 'DEMO-1003';
      input.dispatchEvent(new Event('input'));
      inDialog(el, '[part~=submit]')!.click();
      await waitUntil(() => inDialog(el, '[part~=error]'), 'the used code is refused');
      expect(inDialog(el, '[part~=error]')!.textContent).to.contain('Код не подошёл');
      expect(input.value).to.equal('DEMO-1003');
      dialogOf(el)!.close();
      await waitUntil(() => !dialogOpen(el), 'closed');
      expect(spy.calls.support).to.equal(supports);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
    });

    it('cancelling the dialog changes nothing', async () => {
      const spy = instrument(memoryAt({ rules: SINGLE }));
      const el = await mount(spy.adapter);
      toggle(el)!.click();
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      (inDialog(el, '[part~=cancel]') as HTMLButtonElement).click();
      await waitUntil(() => !dialogOpen(el), 'closed');
      await el.updateComplete;
      await waitUntil(() => toggle(el)!.getAttribute('aria-disabled') === 'false', 'the button is free again');
      expect(spy.calls.submitBallot).to.equal(undefined);
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
    });
  });

  describe('two buttons on one page', () => {
    it('share the adapter: a sign-in and a vote in one show in the other', async () => {
      const adapter = memoryAt({ phase: 'support' });
      const holder = await fixture<HTMLDivElement>(html`<div>
        <veche-vote-button campaign="demo" project="demo-1" .adapter=${adapter} .clock=${clock}></veche-vote-button>
        <veche-vote-button campaign="demo" project="demo-1" .adapter=${adapter} .clock=${clock}></veche-vote-button>
        <veche-vote-button campaign="demo" project="demo-2" .adapter=${adapter} .clock=${clock}></veche-vote-button>
      </div>`);
      const [a, b, c] = [...holder.querySelectorAll('veche-vote-button')];
      await Promise.all([a, b, c].map(settled));
      const voted = oneEvent(a!, 'veche-vote');
      toggle(a!)!.click();
      await waitUntil(() => dialogOpen(a!), 'the dialog opens');
      const input = inDialog(a!, '#voting-code') as HTMLInputElement;
      input.value = 'DEMO-1004';
      input.dispatchEvent(new Event('input'));
      inDialog(a!, '[part~=submit]')!.click();
      await voted;
      await waitUntil(() => toggle(b!)!.getAttribute('aria-pressed') === 'true', 'the twin shows the support');
      expect(words(b!, 'count')).to.contain('1 474 подписи');
      // The third button now knows the resident: no sign-in needed.
      await waitUntil(() => !text(c!).includes('подтвердить, что вы житель'), 'signed in everywhere');
      const second = await press(c!);
      expect(second.projectId).to.equal('demo-2');
      expect(dialogOf(c!)).to.equal(null);
      await expect(holder).to.be.accessible();
    });
  });

  describe('language and themes', () => {
    it('speaks English with lang="en"', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div lang="en">
        <veche-vote-button campaign="demo" project="demo-1" .adapter=${memoryAt({ phase: 'support', daysLeft: 3 })} .clock=${clock}></veche-vote-button>
      </div>`);
      const el = holder.firstElementChild as VecheVoteButton;
      await settled(el);
      expect(toggle(el)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Support the project “Детская площадка во дворе на Ленина, 12”');
      expect(words(el, 'count')).to.contain('1,473 signatures').and.contain('threshold of 1,146 reached');
      expect(words(el, 'phase')).to.contain('Support closes in 3 days');
      await expect(el).to.be.accessible();
    });

    it('uses the 1 / few / many plural forms', async () => {
      const adapter = memoryAt({ phase: 'support', signedIn: true });
      const el = await mount(adapter, 'demo-9');
      expect(words(el, 'count')).to.contain('977 подписей');
    });

    it('passes axe in the dark and contrast themes, and restyles through tokens', async () => {
      for (const theme of ['dark', 'contrast'] as const) {
        const adapter = memoryAt({ phase: 'support', signedIn: true });
        await adapter.support('demo-1');
        const provider = await fixture<HTMLElement>(
          html`<veche-provider theme=${theme}><veche-vote-button campaign="demo" project="demo-1" .adapter=${adapter} .clock=${clock}></veche-vote-button></veche-provider>`,
        );
        const el = provider.querySelector('veche-vote-button')!;
        await settled(el);
        await expect(el).to.be.accessible();
      }
      const el = await fixture<VecheVoteButton>(
        html`<veche-vote-button style="--veche-vote-button-bg: rgb(1, 2, 3)" campaign="demo" project="demo-1" .adapter=${memoryAt({ phase: 'support' })} .clock=${clock}></veche-vote-button>`,
      );
      await settled(el);
      expect(getComputedStyle(toggle(el)!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('wraps at 320 px without overflowing', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div style="width: 320px"><veche-provider theme="contrast">
        <veche-vote-button campaign="demo" project="demo-1" .adapter=${memoryAt({ phase: 'support', signedIn: true })} .clock=${clock}></veche-vote-button>
      </veche-provider></div>`);
      const el = holder.querySelector('veche-vote-button')!;
      await settled(el);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  });

  describe('keyboard', () => {
    it('Tab, Enter, type the code, Enter: signed in and voted; Space withdraws', async () => {
      const el = await mount(memoryAt({ rules: SINGLE }));
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(toggle(el));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOpen(el), 'the dialog opens');
      await waitUntil(() => dialogOf(el)!.shadowRoot!.activeElement?.id === 'voting-code', 'focus in the code field');
      const voted = oneEvent(el, 'veche-vote');
      await sendKeys({ type: 'demo-1005' });
      await sendKeys({ press: 'Enter' });
      await voted;
      await waitUntil(() => root(el).activeElement === toggle(el), 'focus is back on the button');
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('true');
      const withdrawn = oneEvent(el, 'veche-vote');
      await sendKeys({ press: 'Space' });
      expect((await withdrawn).detail.action).to.equal('withdraw-vote');
    });

    it('Escape closes the dialog, focus returns, and the typed code is kept', async () => {
      const el = await mount(memoryAt({ phase: 'support' }));
      toggle(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el)?.shadowRoot!.activeElement?.id === 'voting-code', 'focus in the code field');
      await sendKeys({ type: 'DEMO-10' });
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOpen(el), 'the dialog closes');
      await waitUntil(() => root(el).activeElement === toggle(el), 'focus is back on the button');
      expect(toggle(el)!.getAttribute('aria-pressed')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOpen(el), 'the dialog opens again');
      expect((inDialog(el, '#voting-code') as HTMLInputElement).value).to.equal('DEMO-10');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOpen(el), 'closed again');
    });
  });
});
