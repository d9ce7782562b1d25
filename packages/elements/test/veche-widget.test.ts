import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { VecheError } from '@veche/core';
import { TaskStatus, VecheWidget } from '../src/base/veche-widget.ts';
import '../src/provider/define.ts';
import { demoAdapter, withFaults } from '../../../stories/support/adapters.ts';
import { deferred, instrument, text } from './support/vote-fixtures.ts';
import './support/widget.ts';
import type { TestCampaignTitle } from './support/widget.ts';

/** Three data tasks: the campaign, its projects inside it, and a project shown on its own. */
class TestThreeTasks extends VecheWidget {
  readonly campaignTask = this.load(
    () => [this.campaignId] as const,
    (adapter, [id], signal) => adapter.getCampaign(this.requireCampaign(id), { signal }),
  );

  readonly projectsTask = this.load(
    () => [this.campaignId] as const,
    (adapter, [id], signal) => adapter.listProjects(this.requireCampaign(id), {}, { signal }),
  );

  readonly projectTask = this.load(
    () => [] as const,
    (adapter, _, signal) => adapter.getProject('p-none', { signal }),
  );

  protected override render() {
    return html`${this.renderTask(
      this.campaignTask,
      (c) => html`<h2>${c.title}</h2>${this.renderTask(this.projectsTask, (page) => html`<p class="count">${page.items.length}</p>`)}`,
    )}`;
  }
}
VecheWidget.define('veche-test-three-tasks', TestThreeTasks);

/** A data element whose slow hint comes after `slowAfter` ms, set by each test. */
class TestSlow extends VecheWidget {
  static override slowAfter = 60_000;

  readonly campaignTask = this.load(
    () => [this.campaignId] as const,
    (adapter, [id], signal) => adapter.getCampaign(this.requireCampaign(id), { signal }),
  );

  protected override render() {
    return html`${this.renderTask(this.campaignTask, (c) => html`<h2>${c.title}</h2>`)}`;
  }
}
VecheWidget.define('veche-test-slow', TestSlow);

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const status = (el: Element) => $(el, '[part=loading] [role=status]');
const SLOW = 'Загружается дольше обычного…';

describe('the shared element base', () => {
  afterEach(() => (TestSlow.slowAfter = 60_000));

  it('one retry runs again every task that failed in the same outage, not the ones a retry cannot help', async () => {
    const { adapter, calls, fail } = instrument(demoAdapter());
    fail.getCampaign = new VecheError('unavailable', 'HTTP 500');
    fail.listProjects = new VecheError('network', 'offline');
    fail.getProject = new VecheError('not-found', 'no such project');
    const el = await fixture<TestThreeTasks>(html`<veche-test-three-tasks campaign="demo" .adapter=${adapter}></veche-test-three-tasks>`);
    await waitUntil(() => [el.campaignTask, el.projectsTask, el.projectTask].every((t) => t.status === TaskStatus.ERROR), 'all three fail');
    await el.updateComplete;
    // Only the campaign's failure is shown: the projects' is behind it.
    expect(el.shadowRoot!.querySelectorAll('[part=error]')).to.have.length(1);
    fail.getCampaign = undefined;
    fail.listProjects = undefined;
    $(el, '[part=retry]')!.click();
    await waitUntil(() => $(el, '.count'), 'one press brings back the campaign and its projects');
    expect($(el, '[part=error]')).to.equal(null);
    expect(calls).to.include({ getCampaign: 2, listProjects: 2, getProject: 1 });
  });

  it('says, visibly and once, that loading takes longer than usual', async () => {
    const { adapter, gate } = instrument(demoAdapter());
    const answer = deferred();
    gate.getCampaign = answer.promise;
    const el = await fixture<TestSlow>(html`<veche-test-slow campaign="demo" .adapter=${adapter}></veche-test-slow>`);
    await waitUntil(() => status(el), 'loading');
    const region = status(el)!;
    expect(region.textContent).to.equal('Загрузка…');
    expect(region.className).to.equal('visually-hidden');

    el.remove();
    TestSlow.slowAfter = 30;
    const slow = await fixture<TestSlow>(html`<veche-test-slow campaign="demo" .adapter=${adapter}></veche-test-slow>`);
    await waitUntil(() => status(slow)?.textContent === SLOW, 'the hint comes after slowAfter');
    const live = status(slow)!;
    expect(live.className, 'visible').to.not.contain('visually-hidden');
    expect(live.getBoundingClientRect().width).to.be.greaterThan(1);
    await expect(slow).to.be.accessible();
    // Read once: later renders while loading leave the live region's text alone.
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(live, { childList: true, characterData: true, subtree: true });
    for (let i = 0; i < 3; i++) {
      slow.requestUpdate();
      await slow.updateComplete;
    }
    await aTimeout(60);
    observer.disconnect();
    expect(changes).to.have.length(0);
    expect(status(slow)).to.equal(live);

    answer.resolve();
    await waitUntil(() => $(slow, 'h2'), 'the data arrives');
    expect(status(slow)).to.equal(null);
  });

  it('starts the hint over when loading starts again, and says it in English on English pages', async () => {
    TestSlow.slowAfter = 30;
    const { adapter, fail, gate } = instrument(demoAdapter());
    fail.getCampaign = new VecheError('unavailable', 'HTTP 500');
    const holder = await fixture<HTMLDivElement>(html`<div lang="en"><veche-test-slow campaign="demo" .adapter=${adapter}></veche-test-slow></div>`);
    const el = holder.firstElementChild as TestSlow;
    await waitUntil(() => $(el, '[part=retry]'), 'fails');
    fail.getCampaign = undefined;
    const answer = deferred();
    gate.getCampaign = answer.promise;
    TestSlow.slowAfter = 60_000;
    $(el, '[part=retry]')!.click();
    await waitUntil(() => status(el), 'loading again');
    expect(status(el)!.textContent).to.equal('Loading…');
    expect(status(el)!.className).to.equal('visually-hidden');
    answer.resolve();
    await waitUntil(() => $(el, 'h2'), 'loaded');

    TestSlow.slowAfter = 30;
    const hanging = withFaults(demoAdapter(), { getCampaign: 'hang' });
    const other = await fixture<HTMLDivElement>(html`<div lang="en"><veche-test-slow campaign="demo" .adapter=${hanging}></veche-test-slow></div>`);
    await waitUntil(() => status(other.firstElementChild!)?.textContent === 'This is taking longer than usual…', 'the English hint');
  });

  describe("the HTTP adapter's timeout and retries", () => {
    const original = window.fetch;
    let fetches: string[] = [];
    beforeEach(() => {
      fetches = [];
      // A server that never answers: each attempt ends only when the adapter gives up on it.
      window.fetch = (input, init) => {
        fetches.push(String(input));
        const signal = init?.signal;
        return new Promise<Response>((_, reject) => {
          if (signal) signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        });
      };
    });
    afterEach(() => (window.fetch = original));

    const failed = (el: Element) => waitUntil(() => $(el, '[role=alert]'), 'the element gives up', { timeout: 4000 });

    it('come from <veche-provider timeout retries>', async () => {
      const provider = await fixture(html`
        <veche-provider api="https://hanging-provider.example/api" campaign="demo" timeout="40" retries="1">
          <veche-test-campaign-title></veche-test-campaign-title>
        </veche-provider>
      `);
      const el = provider.querySelector('veche-test-campaign-title') as TestCampaignTitle;
      await failed(el);
      expect(text($(el, '[role=alert]')!)).to.contain('не ответил вовремя');
      expect(fetches).to.deep.equal(['https://hanging-provider.example/api/campaigns/demo', 'https://hanging-provider.example/api/campaigns/demo']);
    });

    it('come from <meta name="veche:timeout"> and <meta name="veche:retries">', async () => {
      const metas = [
        Object.assign(document.createElement('meta'), { name: 'veche:timeout', content: '40' }),
        Object.assign(document.createElement('meta'), { name: 'veche:retries', content: '0' }),
      ];
      document.head.append(...metas);
      try {
        const el = await fixture(html`<veche-test-campaign-title api="https://hanging-meta.example/api" campaign="demo"></veche-test-campaign-title>`);
        await failed(el);
        expect(text($(el, '[role=alert]')!)).to.contain('не ответил вовремя');
        expect(fetches).to.have.length(1);
      } finally {
        metas.forEach((m) => m.remove());
      }
    });
  });
});
