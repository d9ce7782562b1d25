import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { VecheError } from '@veche/core';
import { configure } from '../src/config/context.ts';
import '../src/provider/define.ts';
import type { VecheProvider } from '../src/provider/provider.ts';
import { demoAdapter, withFaults } from '../../../stories/support/adapters.ts';
import { type TestCampaignTitle } from './support/widget.ts';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const loaded = (el: TestCampaignTitle) => waitUntil(() => el.shadowRoot!.querySelector('h2, [role=alert]'), 'the element settles', { timeout: 4000 });

describe('veche-provider and the shared element base', () => {
  afterEach(() => configure({ api: undefined, adapter: undefined, campaign: undefined }));

  it('configures the elements inside it: api, campaign and theme', async () => {
    const provider = await fixture<VecheProvider>(html`
      <veche-provider api="memory:demo" campaign="demo" theme="dark">
        <veche-test-campaign-title></veche-test-campaign-title>
      </veche-provider>
    `);
    const el = provider.querySelector('veche-test-campaign-title') as TestCampaignTitle;
    await loaded(el);
    expect(text(el)).to.contain('Кедровогорск');
    // The provider's theme reaches the element's private tokens through inheritance.
    expect(getComputedStyle(el).getPropertyValue('--veche-color-bg').trim()).to.equal('#16181c');
    await expect(provider).to.be.accessible();
  });

  it("prefers the element's own attributes and property over the provider's", async () => {
    const own = withFaults(demoAdapter(), {});
    const provider = await fixture<VecheProvider>(html`
      <veche-provider api="memory:nothing-here" campaign="nope">
        <veche-test-campaign-title campaign="demo" .adapter=${own}></veche-test-campaign-title>
      </veche-provider>
    `);
    const el = provider.querySelector('veche-test-campaign-title') as TestCampaignTitle;
    await loaded(el);
    expect(text(el)).to.contain('Кедровогорск');
  });

  it('falls back to <meta name="veche:api"> and configure()', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'veche:api', content: 'memory:demo' });
    document.head.append(meta);
    try {
      const el = await fixture<TestCampaignTitle>(html`<veche-test-campaign-title campaign="demo"></veche-test-campaign-title>`);
      await loaded(el);
      expect(text(el)).to.contain('Кедровогорск');
    } finally {
      meta.remove();
    }
    configure({ adapter: demoAdapter(), campaign: 'demo' });
    const el = await fixture<TestCampaignTitle>(html`<veche-test-campaign-title></veche-test-campaign-title>`);
    await loaded(el);
    expect(text(el)).to.contain('Кедровогорск');
  });

  it('says what is missing and emits veche-error when there is no api or campaign', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('veche-test-campaign-title') as TestCampaignTitle;
    const event = oneEvent(holder, 'veche-error');
    holder.append(el);
    const { detail } = await event;
    expect(detail.code).to.equal('invalid-input');
    await loaded(el);
    expect(text(el)).to.contain('укажите адрес API');
    await expect(el).to.be.accessible();

    const noCampaign = await fixture<TestCampaignTitle>(html`<veche-test-campaign-title api="memory:demo"></veche-test-campaign-title>`);
    await loaded(noCampaign);
    expect(text(noCampaign)).to.contain('укажите кампанию');
  });

  it('shows a network failure in words with a retry that works', async () => {
    let failing = true;
    const base = demoAdapter();
    const flaky = new Proxy(base, {
      get: (t, k, r) =>
        k === 'getCampaign'
          ? async (...a: Parameters<typeof base.getCampaign>) => {
              if (failing) throw new VecheError('network', 'offline');
              return t.getCampaign(...a);
            }
          : Reflect.get(t, k, r),
    });
    const el = await fixture<TestCampaignTitle>(html`<veche-test-campaign-title campaign="demo" .adapter=${flaky}></veche-test-campaign-title>`);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Нет связи');
    failing = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('h2'), 'retried');
    expect(text(el)).to.contain('Кедровогорск');
  });

  it('takes the language from the nearest lang, and follows changes', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div lang="en"><veche-test-campaign-title api="memory:demo" campaign="demo"></veche-test-campaign-title></div>`);
    const el = holder.firstElementChild as TestCampaignTitle;
    await loaded(el);
    expect(text(el)).to.contain('Try again');
    holder.setAttribute('lang', 'ru');
    await aTimeout(0);
    await el.updateComplete;
    expect(text(el)).to.contain('Повторить');
  });
});
