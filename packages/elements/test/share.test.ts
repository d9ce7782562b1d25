import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError } from '@veche/core';
import { encode } from 'uqr';
import { withFaults } from '../../../stories/support/adapters.ts';
import { demoIn, patched } from '../../../stories/support/results-fixtures.ts';
import '../src/provider/define.ts';
import '../src/share/define.ts';
import { printer } from '../src/share/share.poster.ts';
import type { VecheShare } from '../src/share/share.ts';
import { instrument } from './support/vote-fixtures.ts';

const URL_ = 'https://pb.kedrovogorsk.example/2026/vote?from=poster&x=1';
const TEXT = 'Голосуем за проекты: «Сквер» & другие';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
const links = (el: Element) => $$<HTMLAnchorElement>(el, 'a[data-network]');

/** Waits until the element shows its links and its QR code. */
async function ready(el: VecheShare): Promise<VecheShare> {
  await waitUntil(() => $(el, 'svg[part=qr]'), 'the QR code', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Replaces navigator.clipboard for a test. */
function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)['clipboard'];
}

describe('veche-share', () => {
  const printed: Window[] = [];
  const realPrint = printer.print;
  /** Undoes a test's clipboard mock. */
  let restore: (() => void) | undefined;
  beforeEach(() => {
    printed.length = 0;
    printer.print = (win) => void printed.push(win);
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    printer.print = realPrint;
    document.querySelectorAll('body > iframe').forEach((f) => f.remove());
  });

  describe('links', () => {
    it('builds each network’s address exactly, with url and text alone and no api', async () => {
      const errors: string[] = [];
      const host = await fixture<HTMLDivElement>(html`<div @veche-error=${(e: CustomEvent) => errors.push(e.detail.code)}>
        <veche-share url=${URL_} text=${TEXT}></veche-share>
      </div>`);
      const el = await ready(host.querySelector('veche-share')!);
      const u = encodeURIComponent(URL_);
      const t = encodeURIComponent(TEXT);
      expect(links(el).map((a) => [a.dataset['network'], a.href])).to.deep.equal([
        ['vk', `https://vk.com/share.php?url=${u}&title=${t}`],
        ['ok', `https://connect.ok.ru/offer?url=${u}&title=${t}`],
        ['telegram', `https://t.me/share/url?url=${u}&text=${t}`],
        ['max', `https://max.ru/:share?text=${encodeURIComponent(`${TEXT} ${URL_}`)}`],
      ]);
      expect(u).to.contain('%3Ffrom%3Dposter%26x%3D1');
      expect(t).to.contain('%26');
      for (const a of links(el)) {
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('noopener noreferrer');
      }
      expect(links(el).map((a) => text(a))).to.deep.equal([
        'ВКонтакте (откроется в новой вкладке)',
        'Одноклассники (откроется в новой вкладке)',
        'Telegram (откроется в новой вкладке)',
        'MAX (откроется в новой вкладке)',
      ]);
      expect(text(el)).not.to.match(/viber/i);
      expect($<HTMLInputElement>(el, 'input')!.value).to.equal(URL_);
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('shares a text cut in the middle of an emoji (half a surrogate pair) with U+FFFD in its place, not a crash', async () => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      try {
        // What a host gets from `title.slice(0, 11)` when the 11th code unit is half of 👍.
        const cut = 'Голосуйте 👍 за сквер'.slice(0, 11);
        const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_} .text=${cut}></veche-share>`));
        const t = encodeURIComponent('Голосуйте \uFFFD');
        expect(links(el).map((a) => a.href)).to.deep.equal([
          `https://vk.com/share.php?url=${encodeURIComponent(URL_)}&title=${t}`,
          `https://connect.ok.ru/offer?url=${encodeURIComponent(URL_)}&title=${t}`,
          `https://t.me/share/url?url=${encodeURIComponent(URL_)}&text=${t}`,
          `https://max.ru/:share?text=${encodeURIComponent(`Голосуйте \uFFFD ${URL_}`)}`,
        ]);
        // A whole emoji stays whole.
        el.text = 'Голосуйте 👍';
        await el.updateComplete;
        expect(links(el)[0]!.href).to.equal(`https://vk.com/share.php?url=${encodeURIComponent(URL_)}&title=${encodeURIComponent('Голосуйте 👍')}`);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
      }
    });

    it('takes the campaign’s page and title from the adapter, and asks nothing when url and text are given', async () => {
      const spy = instrument(demoIn('voting'));
      const el = await fixture<VecheShare>(html`<veche-share campaign="demo" .adapter=${spy.adapter}></veche-share>`);
      await ready(el);
      // The demo campaign's url is "/": relative to this page.
      expect(el.shareUrl).to.equal(new URL('/', location.href).href);
      expect(el.shareText).to.match(/^Народный бюджет Кедровогорска — \d{4}$/);
      expect(links(el)[2]!.href).to.equal(
        `https://t.me/share/url?url=${encodeURIComponent(el.shareUrl)}&text=${encodeURIComponent(el.shareText)}`,
      );
      expect(spy.calls.getCampaign).to.equal(1);
      await expect(el).to.be.accessible();

      const quiet = instrument(demoIn('voting'));
      const given = await fixture<VecheShare>(html`<veche-share campaign="demo" url=${URL_} text=${TEXT} .adapter=${quiet.adapter}></veche-share>`);
      await ready(given);
      expect(quiet.calls).to.deep.equal({});
      expect(given.shareUrl).to.equal(URL_);
    });

    it('shares this page, with no error, when there is no url, no api and no campaign', async () => {
      const errors: string[] = [];
      const host = await fixture<HTMLDivElement>(html`<div @veche-error=${(e: CustomEvent) => errors.push(e.detail.code)}>
        <veche-share></veche-share>
      </div>`);
      const el = await ready(host.querySelector('veche-share')!);
      expect(el.shareUrl).to.equal(location.href);
      expect(links(el)[0]!.href).to.equal(`https://vk.com/share.php?url=${encodeURIComponent(location.href)}`);
      expect(links(el)[3]!.href).to.equal(`https://max.ru/:share?text=${encodeURIComponent(location.href)}`);
      expect($(el, '[part=notice]')).to.be.null;
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('shows the networks asked for, in that order, and reports unknown ones (no Viber)', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-share'), { url: URL_, text: TEXT, networks: 'Telegram, viber max' });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      const { detail } = await error;
      expect(detail.code).to.equal('invalid-input');
      expect(detail.message).to.contain('viber');
      await ready(el);
      expect(links(el).map((a) => a.dataset['network'])).to.deep.equal(['telegram', 'max']);
      el.networks = '';
      await el.updateComplete;
      expect(links(el)).to.have.length(0);
      expect($(el, '[part=label]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('refuses an address that is not http(s), and shares this page instead', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-share'), { url: 'javascript:alert(1)', text: TEXT });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('invalid-input');
      await ready(el);
      expect(text($(el, '[part=notice]'))).to.contain('Адрес «javascript:alert(1)» не подходит');
      expect(el.shareUrl).to.equal(location.href);
      for (const a of links(el)) expect(decodeURIComponent(a.href)).not.to.contain('javascript:');
      await expect(el).to.be.accessible();
    });

    it('announces a share through veche-share', async () => {
      const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_} text=${TEXT}></veche-share>`));
      const shared = oneEvent(el, 'veche-share');
      // A click that the test cancels so no tab opens.
      const a = links(el)[0]!;
      a.addEventListener('click', (e) => e.preventDefault(), { once: true });
      a.click();
      expect((await shared).detail).to.deep.equal({ channel: 'vk', url: URL_ });
    });
  });

  describe('copy', () => {
    it('copies with the Clipboard API and says so politely', async () => {
      const copied: string[] = [];
      restore = mockClipboard(async (t) => void copied.push(t));
      const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_} text=${TEXT}></veche-share>`));
      const shared = oneEvent(el, 'veche-share');
      $(el, '[part~=copy]')!.click();
      expect((await shared).detail).to.deep.equal({ channel: 'copy', url: URL_ });
      expect(copied).to.deep.equal([URL_]);
      const status = $(el, '[part=status]')!;
      await waitUntil(() => text(status) === 'Ссылка скопирована', 'announced');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();
    });

    it('falls back to copying from the field, and asks the resident when that fails too', async () => {
      restore = mockClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
      const exec = document.execCommand;
      const commands: string[] = [];
      let works = true;
      document.execCommand = (command: string) => (commands.push(command), works);
      try {
        const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_}></veche-share>`));
        $(el, '[part~=copy]')!.click();
        await waitUntil(() => text($(el, '[part=status]')) === 'Ссылка скопирована', 'copied from the field');
        expect(commands).to.deep.equal(['copy']);
        const input = $<HTMLInputElement>(el, 'input')!;
        expect(root(el).activeElement).to.equal(input);
        expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, URL_.length]);

        works = false;
        $(el, '[part~=copy]')!.click();
        await waitUntil(() => text($(el, '[part=status]')).startsWith('Скопировать не получилось'), 'asked to copy');
        expect(root(el).activeElement).to.equal(input);
        await expect(el).to.be.accessible();
      } finally {
        document.execCommand = exec;
      }
    });
  });

  describe('QR code', () => {
    it('draws an SVG whose modules match the encoded address', async () => {
      const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_} text=${TEXT}></veche-share>`));
      const svg = $(el, 'svg[part=qr]')!;
      const { size, data } = encode(URL_, { ecc: 'M', border: 0 });
      // A quiet zone of 4 modules on each side.
      expect(svg.getAttribute('viewBox')).to.equal(`0 0 ${size + 8} ${size + 8}`);
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.equal('QR-код со ссылкой pb.kedrovogorsk.example/2026/vote?from=poster&x=1');
      // Redraw the path module by module and compare with the encoder's matrix.
      const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
      for (const [, x, y, run] of svg.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
        for (let i = 0; i < Number(run); i++) drawn[Number(y)]![Number(x) + i] = true;
      }
      expect(drawn).to.deep.equal(data);
      expect(data.flat().filter(Boolean).length).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
    });

    it('follows a new address', async () => {
      const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_}></veche-share>`));
      const before = $(el, 'svg[part=qr] path')!.getAttribute('d');
      el.url = 'https://example.org/a-much-longer-address/that/needs/a/bigger/code?with=parameters&and=more';
      await waitUntil(() => $(el, 'svg[part=qr] path')?.getAttribute('d') !== before, 'a new code');
      const { size } = encode(el.url, { ecc: 'M', border: 0 });
      expect($(el, 'svg[part=qr]')!.getAttribute('viewBox')).to.equal(`0 0 ${size + 8} ${size + 8}`);
    });
  });

  describe('poster', () => {
    it('opens a print view with the big code, title, text and address; prints it alone; closes', async () => {
      const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_} text=${TEXT} campaign="demo" .adapter=${demoIn('voting')}></veche-share>`));
      const open = $(el, '[part~=open-poster]')!;
      open.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the poster opens');
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      const poster = dialog.querySelector('[part=poster]')!;
      expect(text(poster.querySelector('h2'))).to.equal(TEXT);
      expect(poster.querySelector('svg[part=qr]')).to.exist;
      expect(text(poster)).to.contain('Наведите камеру телефона на код');
      expect(text(poster.querySelector('.address'))).to.equal('pb.kedrovogorsk.example/2026/vote?from=poster&x=1');
      expect(dialog.getAttribute('aria-labelledby')).to.equal('poster-title');
      await expect(el).to.be.accessible();

      const shared = oneEvent(el, 'veche-share');
      (dialog.querySelector('[part~=print]') as HTMLElement).click();
      expect((await shared).detail.channel).to.equal('print');
      expect(printed).to.have.length(1);
      const frame = document.querySelector<HTMLIFrameElement>('body > iframe')!;
      expect(printed[0]).to.equal(frame.contentWindow);
      const doc = frame.contentDocument!;
      expect(doc.documentElement.lang).to.equal('ru');
      const css = doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      expect(css).to.contain('@page');
      expect(css).to.contain('@media print');
      expect(text(doc.querySelector('h2'))).to.equal(TEXT);
      expect(doc.querySelector('svg path')!.getAttribute('d')).to.equal($(el, 'svg[part=qr] path')!.getAttribute('d'));
      frame.contentWindow!.dispatchEvent(new Event('afterprint'));
      expect(frame.isConnected).to.equal(false);

      (dialog.querySelector('[part~=close]') as HTMLElement).click();
      await el.updateComplete;
      expect($(el, 'dialog')).to.be.null;
      expect(root(el).activeElement).to.equal(open);
    });

    it('puts the campaign title above a different text', async () => {
      const el = await ready(await fixture<VecheShare>(html`<veche-share text="Голосуйте до 10 декабря!" campaign="demo" .adapter=${demoIn('voting')}></veche-share>`));
      $(el, '[part~=open-poster]')!.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the poster opens');
      expect(text($(el, '[part=poster] h2'))).to.match(/^Народный бюджет Кедровогорска/);
      expect(text($(el, '[part=poster] .lead'))).to.equal('Голосуйте до 10 декабря!');
    });
  });

  describe('loading and failures', () => {
    it('waits for the campaign before showing links', async () => {
      const el = await fixture<VecheShare>(html`<veche-share campaign="demo" .adapter=${withFaults(demoIn('voting'), { getCampaign: 'hang' })}></veche-share>`);
      await waitUntil(() => $(el, '[part=loading]'), 'loading');
      expect(links(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('still shares this page when the campaign fails, says why, and retries', async () => {
      const spy = instrument(demoIn('voting'));
      spy.fail.getCampaign = new VecheError('unavailable', '500');
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-share'), { campaign: 'demo', adapter: spy.adapter });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('unavailable');
      await ready(el);
      expect(text($(el, '[part=notice]'))).to.contain('Не удалось загрузить кампанию');
      expect(text($(el, '[part=notice]'))).to.contain('Сервис временно недоступен');
      expect(el.shareUrl).to.equal(location.href);
      await expect(el).to.be.accessible();
      spy.fail.getCampaign = undefined;
      $(el, '[part~=retry]')!.click();
      await waitUntil(() => el.shareText.startsWith('Народный бюджет'), 'retried');
      expect($(el, '[part=notice]')).to.be.null;
    });

    it('reports a broken campaign answer and keeps working', async () => {
      const broken = patched(demoIn('voting'), { getCampaign: async () => ({ id: 'demo' }) });
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-share'), { campaign: 'demo', adapter: broken });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('invalid-response');
      await ready(el);
      expect(links(el)).to.have.length(4);
    });
  });

  describe('language, pages and themes', () => {
    it('speaks English with lang="en"', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"><veche-share url=${URL_} text=${TEXT}></veche-share></div>`);
      const el = host.querySelector('veche-share')!;
      await waitUntil(() => $(el, '[part~=copy]') && text($(el, '[part~=copy]')) === 'Copy link', 'English');
      await ready(el);
      expect(links(el).map((a) => text(a))).to.deep.equal([
        'VK (opens in a new tab)',
        'OK (opens in a new tab)',
        'Telegram (opens in a new tab)',
        'MAX (opens in a new tab)',
      ]);
      expect($(el, 'svg[part=qr]')!.getAttribute('aria-label')).to.match(/^QR code linking to /);
      await expect(el).to.be.accessible();
    });

    it('works twice on one page and inside a themed provider', async () => {
      const host = await fixture<HTMLElement>(html`<veche-provider theme="contrast" campaign="demo" .adapter=${demoIn('voting')}>
        <veche-share></veche-share>
        <veche-share url=${URL_} text=${TEXT}></veche-share>
      </veche-provider>`);
      const [a, b] = [...host.querySelectorAll('veche-share')];
      await ready(a!);
      await ready(b!);
      expect(a!.shareUrl).to.equal(new URL('/', location.href).href);
      expect(b!.shareUrl).to.equal(URL_);
      expect($(a!, 'svg[part=qr] path')!.getAttribute('d')).not.to.equal($(b!, 'svg[part=qr] path')!.getAttribute('d'));
      await expect(host).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('tabs through the links, copies with Enter, opens the poster and closes it with Escape', async () => {
      const copied: string[] = [];
      restore = mockClipboard(async (t) => void copied.push(t));
      const el = await ready(await fixture<VecheShare>(html`<veche-share url=${URL_} text=${TEXT}></veche-share>`));
      const order: string[] = [];
      for (let i = 0; i < 7; i++) {
        await sendKeys({ press: 'Tab' });
        const active = root(el).activeElement as HTMLElement;
        order.push(active.dataset['network'] ?? active.getAttribute('part')!);
      }
      expect(order).to.deep.equal(['vk', 'ok', 'telegram', 'max', 'input', 'button copy', 'button open-poster']);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(el, '[part=status]')) === 'Ссылка скопирована', 'copied');
      expect(copied).to.deep.equal([URL_]);

      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the poster opens');
      expect(root(el).activeElement).to.equal($(el, '[part~=print]'));
      await sendKeys({ press: 'Enter' });
      expect(printed).to.have.length(1);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !$(el, 'dialog'), 'the poster closes');
      expect(root(el).activeElement).to.equal($(el, '[part~=open-poster]'));
    });
  });
});
