import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { movePhases, VecheError, type IdeaInputDraft, type MutationOptions, type VecheAdapter } from '@veche/core';
import { DEMO_VOTING_CODES, MemoryAdapter, demoFixture } from '@veche/core/memory';
import '../src/idea-form/define.ts';
import type { VecheIdeaForm } from '../src/idea-form/idea-form.ts';
import { demoAdapter, withFaults, type Fault } from '../../../stories/support/adapters.ts';

type Faults = Partial<Record<'getCampaign' | 'submitIdea' | 'uploadImage', Fault>>;

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const png = (name = 'photo.png') => new File([PNG], name, { type: 'image/png' });

const root = (el: VecheIdeaForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLInputElement>(el: VecheIdeaForm, selector: string) => root(el).querySelector<T>(selector)!;
const text = (el: Element) => plain(el.shadowRoot!.textContent);
/** Text with its non-breaking spaces (between numbers and their nouns) as plain ones. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const errorOf = (el: VecheIdeaForm, id: string) => plain(root(el).getElementById(`${id}-error`)?.textContent);
const focused = (el: VecheIdeaForm) => root(el).activeElement as HTMLElement | null;
const settled = (el: VecheIdeaForm) =>
  waitUntil(() => root(el).querySelector('form, [part~=notice], [role=alert]'), 'the form settles', { timeout: 4000 });

/** The demo campaign with its ideas phase open now; a fresh adapter each time. */
const open = (faults: Faults = {}) => withFaults(demoAdapter('phase=ideas'), faults);

/** Records what the element sent. */
function spy(adapter: VecheAdapter) {
  const calls: { idea: IdeaInputDraft; options: MutationOptions | undefined }[] = [];
  const wrapped = new Proxy(adapter, {
    get: (target, key, receiver) =>
      key === 'submitIdea'
        ? (id: string, idea: IdeaInputDraft, options?: MutationOptions) => {
            calls.push({ idea, options });
            return target.submitIdea(id, idea, options);
          }
        : Reflect.get(target, key, receiver),
  });
  return { adapter: wrapped, calls };
}

async function mount(adapter: VecheAdapter | undefined, key = 'test', lang?: string) {
  const el = await fixture<VecheIdeaForm>(
    html`<veche-idea-form campaign="demo" lang=${lang ?? 'ru'} draft-key=${key} .adapter=${adapter}></veche-idea-form>`,
  );
  await settled(el);
  return el;
}

/** Types into a field the way a resident does: input events, then change on leaving it. */
async function type(el: VecheIdeaForm, name: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `[name="${name}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function tick(el: VecheIdeaForm, kind = 'personal-data') {
  $(el, `#consent-${kind}`).click();
  await el.updateComplete;
}

async function fillValid(el: VecheIdeaForm) {
  await type(el, 'title', 'Скамейки у реки');
  await type(el, 'description', 'Поставить пять скамеек вдоль набережной: сейчас присесть негде.');
  await type(el, 'contact', 'resident@example.ru');
  await tick(el);
}

async function attach(el: VecheIdeaForm, ...files: File[]) {
  const input = $(el, '#photos');
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const submit = async (el: VecheIdeaForm) => {
  $<HTMLButtonElement>(el, '[part~=submit]').click();
  await aTimeout(0);
  await el.updateComplete;
};

const sent = (el: VecheIdeaForm) => waitUntil(() => root(el).querySelector('[part=success]'), 'the idea is sent', { timeout: 4000 });

describe('veche-idea-form', () => {
  beforeEach(() => localStorage.clear());

  describe('states before the form', () => {
    it('shows loading while the campaign is on its way', async () => {
      const el = await fixture<VecheIdeaForm>(
        html`<veche-idea-form campaign="demo" .adapter=${open({ getCampaign: 'hang' })}></veche-idea-form>`,
      );
      await waitUntil(() => root(el).querySelector('[part=loading]'));
      expect(text(el)).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('shows a failure in words with a retry that works, and emits veche-error', async () => {
      const faults: Faults = { getCampaign: 'network' };
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('veche-idea-form');
      el.campaign = 'demo';
      el.adapter = open(faults);
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('network');
      await settled(el);
      expect(text(el)).to.contain('Нет связи');
      await expect(el).to.be.accessible();
      delete faults.getCampaign;
      $<HTMLButtonElement>(el, '[part=retry]').click();
      await waitUntil(() => root(el).querySelector('form'), 'retried');
    });

    it('says so when the adapter answers with something that is not a campaign', async () => {
      const broken = new Proxy(open(), {
        get: (t, k, r) => (k === 'getCampaign' ? async () => ({ id: 'demo', title: 'Без этапов' }) : Reflect.get(t, k, r)),
      });
      const el = await mount(broken);
      expect(text(el)).to.contain('Сервер прислал непонятный ответ');
      expect(root(el).querySelector('[part=retry]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('says what is missing without an api or a campaign', async () => {
      const noApi = await fixture<VecheIdeaForm>(html`<veche-idea-form campaign="demo"></veche-idea-form>`);
      await settled(noApi);
      expect(text(noApi)).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();
      const noCampaign = await fixture<VecheIdeaForm>(html`<veche-idea-form api="memory:demo"></veche-idea-form>`);
      await settled(noCampaign);
      expect(text(noCampaign)).to.contain('укажите кампанию');
      await expect(noCampaign).to.be.accessible();
    });

    it('says when ideas were accepted once the phase is over, instead of a dead form', async () => {
      const el = await mount(demoAdapter());
      expect(root(el).querySelector('form')).to.equal(null);
      expect(text(el)).to.match(/Приём идей завершился \d+ \S+ \d{4}/);
      expect(el.checkValidity()).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('says when ideas will be accepted before the phase opens', async () => {
      const later = new Date(Date.now() + 200 * 86_400_000);
      const el = await mount(new MemoryAdapter({ fixtures: [demoFixture(later)] }));
      expect(root(el).querySelector('form')).to.equal(null);
      expect(text(el)).to.match(/Приём идей откроется .+ и продлится до .+/);
      await expect(el).to.be.accessible();
    });

    /** The demo with ideas open and accepted only from residents who signed in with a voting code. */
    function signInDemo() {
      const fixtureData = demoFixture();
      fixtureData.campaign.signIn = { ideas: ['voting-code'] };
      fixtureData.campaign.phases = movePhases(fixtureData.campaign.phases as never, 'ideas', new Date(Date.now() - 86_400_000));
      return new MemoryAdapter({ fixtures: [fixtureData] });
    }

    it('asks to sign in when the campaign wants it, and shows the form after sign-in', async () => {
      const adapter = signInDemo();
      const el = await mount(adapter);
      expect(text(el)).to.contain('войдите');
      expect(root(el).querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
      const identity = await adapter.signIn({ method: 'voting-code', code: DEMO_VOTING_CODES[0]! });
      window.dispatchEvent(new CustomEvent('veche-sign-in', { detail: { identity } }));
      await waitUntil(() => root(el).querySelector('form'), 'the form appears after sign-in');
    });

    it('offers the shared sign-in dialog when the page has it, and goes on to the form', async () => {
      await import('../src/sign-in/define.ts');
      const el = await mount(signInDemo());
      await waitUntil(() => root(el).querySelector('veche-sign-in'), 'the dialog is offered');
      await expect(el).to.be.accessible();
      [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Войти')!.click();
      const dialog = root(el).querySelector('veche-sign-in')!;
      await waitUntil(() => dialog.shadowRoot!.querySelector('dialog[open] input'), 'the dialog opens');
      const input = dialog.shadowRoot!.querySelector<HTMLInputElement>('dialog[open] input')!;
      input.value = DEMO_VOTING_CODES[1]!;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await waitUntil(() => root(el).querySelector('form'), 'the form appears after sign-in');
      await waitUntil(() => focused(el)?.id === 'title', 'focus goes on to the first field');
    });
  });

  describe('the form', () => {
    it('takes the point and the district from a map picker in the location slot', async () => {
      const el = await fixture<VecheIdeaForm>(html`<veche-idea-form campaign="demo" draft-key="picker" .adapter=${open()}><div slot="location"></div></veche-idea-form>`);
      await settled(el);
      const picker = el.querySelector('[slot=location]')!;
      picker.dispatchEvent(new CustomEvent('veche-location', { detail: { lat: 53.73, lng: 91.7, districtId: 'north' }, bubbles: true, composed: true }));
      await el.updateComplete;
      expect($<HTMLSelectElement>(el, '#district').value).to.equal('north');
      expect(el.idea!.districtId).to.equal('north');
      expect(el.location).to.deep.include({ lat: 53.73, lng: 91.7 });
      localStorage.removeItem([...Object.keys(localStorage)].find((k) => k.includes('picker')) ?? '');
    });

    it('starts empty: every field labelled, no errors, consents unticked, counters at zero', async () => {
      const el = await mount(open());
      for (const name of ['title', 'summary', 'description', 'category', 'district', 'cost', 'address', 'lat', 'lng', 'photos', 'name', 'contact']) {
        expect(root(el).querySelector(`label[for=${name}]`), name).to.exist;
      }
      expect(root(el).querySelectorAll('[part~=error]')).to.have.length(0);
      const boxes = [...root(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
      expect(boxes.map((b) => b.name)).to.deep.equal(['consent-personal-data', 'consent-publish-name', 'consent-notifications']);
      expect(boxes.every((b) => !b.checked)).to.equal(true);
      expect(root(el).querySelectorAll('details')).to.have.length(3);
      expect(text(el)).to.contain('Согласие можно отозвать');
      expect($(el, '#title-count').textContent!.trim()).to.equal('0 из 120');
      expect([...$<HTMLSelectElement>(el, '#district').options].map((o) => o.textContent)).to.include('Заречный');
      await expect(el).to.be.accessible();
    });

    it('on an invalid submit focuses a summary that links to each field', async () => {
      const el = await mount(open());
      await submit(el);
      const summary = $<HTMLElement>(el, '[part~=error-summary]');
      expect(focused(el)).to.equal(summary);
      expect(plain(summary.textContent)).to.contain('Проверьте форму: 4 ошибки');
      const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal(['#title', '#description', '#contact', '#consent-personal-data']);
      expect($(el, '#title').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#title').getAttribute('aria-describedby')).to.contain('title-error');
      expect(errorOf(el, 'title')).to.contain('Заполните поле «Название идеи»');
      await expect(el).to.be.accessible();
      summary.querySelector<HTMLAnchorElement>('a[href="#contact"]')!.click();
      expect(focused(el)).to.equal($(el, '#contact'));
      // Fixing a field takes it off the summary.
      await type(el, 'title', 'Фонтан');
      expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.to.include('#title');
    });

    it('checks each field as the server does, next to the field, once it was changed', async () => {
      const el = await mount(open());
      const cases: [string, string, string][] = [
        ['title', 'x'.repeat(121), '«Название идеи»: не больше 120 знаков'],
        ['summary', 'x'.repeat(301), 'не больше 300 знаков'],
        ['description', 'x'.repeat(5001), 'не больше 5 000 знаков'],
        ['cost', 'дорого', 'целым числом рублей'],
        ['cost', '7000000', 'больше всего бюджета кампании (6 000 000 ₽)'],
        ['address', 'x'.repeat(301), 'не больше 300 знаков'],
        ['lat', '95', '«Широта»: число от −90 до 90'],
        ['name', 'x'.repeat(201), 'не больше 200 знаков'],
        ['contact', 'не скажу', 'не похоже на адрес почты или номер телефона'],
      ];
      for (const [field, value, message] of cases) {
        await type(el, field, value);
        expect(errorOf(el, field), field).to.contain(message);
        expect($(el, `#${field}`).getAttribute('aria-invalid'), field).to.equal('true');
      }
      // Only one coordinate: the other is asked for.
      await type(el, 'lat', '53,70');
      expect(errorOf(el, 'lat')).to.equal('');
      await type(el, 'lng', '');
      expect(errorOf(el, 'lng')).to.contain('и широту, и долготу');
      await type(el, 'lng', '91.68');
      expect(errorOf(el, 'lng')).to.equal('');
      expect(el.location).to.deep.equal({ lat: 53.7, lng: 91.68, address: 'x'.repeat(301) });
      // Good values clear the messages; the cost is shown as money.
      await type(el, 'cost', '1500000');
      expect(errorOf(el, 'cost')).to.equal('');
      expect($(el, '#cost-hint').textContent!.replace(/\s/g, ' ')).to.equal('1 500 000 ₽');
      await type(el, 'contact', '8 (391) 000-00-00');
      expect(errorOf(el, 'contact')).to.equal('');
      expect(el.idea!.author).to.deep.equal({ name: 'x'.repeat(201), phone: '+73910000000' });
      await type(el, 'title', '');
      expect(errorOf(el, 'title')).to.contain('Заполните поле');
      await expect(el).to.be.accessible();
    });

    it('counts characters and announces politely only near the limit', async () => {
      const el = await mount(open());
      const live = $<HTMLElement>(el, '[aria-live=polite]');
      await type(el, 'title', 'x'.repeat(50));
      expect($(el, '#title-count').textContent!.trim()).to.equal('50 из 120');
      expect(plain(live.textContent)).to.equal('');
      await type(el, 'title', 'x'.repeat(115));
      expect(plain(live.textContent)).to.equal('Осталось 5 знаков');
      await type(el, 'title', 'x'.repeat(122));
      expect(plain(live.textContent)).to.equal('Лишних: 2 знака');
      // Nothing typed is cut off at the limit.
      expect($(el, '#title').value).to.have.length(122);
    });

    it('has separate, unticked consents; the required one blocks sending; the versions are recorded', async () => {
      const { adapter, calls } = spy(open());
      const el = await mount(adapter);
      await type(el, 'title', 'Скамейки у реки');
      await type(el, 'description', 'Поставить скамейки.');
      await type(el, 'contact', 'resident@example.ru');
      await submit(el);
      expect(calls).to.have.length(0);
      expect(errorOf(el, 'consent-personal-data')).to.contain('Без согласия на обработку персональных данных');
      expect($(el, '#consent-personal-data').required).to.equal(true);
      expect($(el, '#consent-publish-name').required).to.equal(false);
      await expect(el).to.be.accessible();
      await tick(el);
      await tick(el, 'notifications');
      await submit(el);
      await sent(el);
      expect(calls[0]!.idea.consents).to.deep.equal([
        { kind: 'personal-data', version: '2026-09', accepted: true },
        { kind: 'publish-name', version: '2026-09', accepted: false },
        { kind: 'notifications', version: '2026-09', accepted: true },
      ]);
    });
  });

  describe('photos', () => {
    it('uploads a real photo with a preview and asks for its alt text; remove takes it off', async () => {
      const el = await mount(open());
      await attach(el, png());
      await waitUntil(() => text(el).includes('Загружено'), 'uploaded');
      expect($<HTMLImageElement>(el, '[part=preview]').src).to.match(/^blob:/);
      await submit(el);
      expect(errorOf(el, 'alt-1')).to.contain('Заполните поле «Что на фото 1»');
      await type(el, 'alt-1', 'Берег реки без скамеек');
      expect(el.idea!.images).to.have.length(1);
      expect(el.idea!.images[0]!.alt).to.equal('Берег реки без скамеек');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=photo] button').click();
      await el.updateComplete;
      expect(root(el).querySelector('[part=photo]')).to.equal(null);
      await aTimeout(0);
      expect(focused(el)).to.equal($(el, '#photos'));
    });

    it('refuses a file whose bytes are not an image, whatever its name and type say', async () => {
      const el = await mount(open());
      await attach(el, new File(['<html><script>alert(1)</script></html>'], 'photo.jpg', { type: 'image/jpeg' }));
      await waitUntil(() => errorOf(el, 'photos'), 'refused');
      expect(errorOf(el, 'photos')).to.contain('«photo.jpg» — не фотография JPEG, PNG или WebP');
      expect(root(el).querySelector('[part=photo]')).to.equal(null);
      expect($<HTMLElement>(el, '[aria-live=polite]').textContent).to.contain('не фотография');
      await expect(el).to.be.accessible();
    });

    it('refuses a photo that is too large before uploading it', async () => {
      const { adapter } = spy(open());
      let uploads = 0;
      const counting = new Proxy(adapter, {
        get: (t, k, r) => (k === 'uploadImage' ? (...a: Parameters<VecheAdapter['uploadImage']>) => (uploads++, t.uploadImage(...a)) : Reflect.get(t, k, r)),
      });
      const el = await mount(counting);
      const big = new Uint8Array(5_000_001);
      big.set(PNG);
      await attach(el, new File([big], 'big.png', { type: 'image/png' }));
      await waitUntil(() => errorOf(el, 'photos'), 'refused');
      expect(errorOf(el, 'photos')).to.contain('«big.png» больше 5 МБ');
      expect(uploads).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('takes no more photos than the campaign allows', async () => {
      const el = await mount(open());
      await attach(el, ...Array.from({ length: 6 }, (_, i) => png(`p${i}.png`)));
      await waitUntil(() => root(el).querySelectorAll('[part=photo]').length === 5 && errorOf(el, 'photos'), 'five taken', { timeout: 4000 });
      expect(errorOf(el, 'photos')).to.contain('не больше 5 фото');
      await waitUntil(() => !text(el).includes('Загружается'), 'all uploaded', { timeout: 4000 });
      expect($(el, '#photos').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('keeps the form when an upload fails, with a retry', async () => {
      const faults: Faults = { uploadImage: 'network' };
      const el = await mount(open(faults));
      await type(el, 'title', 'Скамейки у реки');
      const error = oneEvent(el, 'veche-error');
      await attach(el, png());
      expect((await error).detail.code).to.equal('network');
      await waitUntil(() => text(el).includes('Не загрузилось'), 'failed');
      expect($(el, '#title').value).to.equal('Скамейки у реки');
      await submit(el);
      expect(errorOf(el, 'photos')).to.contain('не загрузилось');
      await expect(el).to.be.accessible();
      delete faults.uploadImage;
      [...root(el).querySelectorAll<HTMLButtonElement>('[part=photo] button')].find((b) => b.textContent!.includes('ещё раз'))!.click();
      await waitUntil(() => text(el).includes('Загружено'), 'retried');
    });
  });

  describe('drafts', () => {
    it('keeps a draft on every change and restores it in a new element, photos and all', async () => {
      const adapter = open();
      const first = await mount(adapter, 'restore');
      await type(first, 'title', 'Скамейки у реки');
      await type(first, 'district', 'riverside');
      await tick(first);
      await attach(first, png());
      await waitUntil(() => text(first).includes('Загружено'));
      await type(first, 'alt-1', 'Пустой берег');
      first.remove();

      const again = await mount(adapter, 'restore');
      expect($(again, '#title').value).to.equal('Скамейки у реки');
      expect($<HTMLSelectElement>(again, '#district').value).to.equal('riverside');
      expect(text(again)).to.contain('Мы восстановили черновик');
      expect(text(again)).to.contain('Согласия нужно отметить снова');
      expect($(again, '#consent-personal-data').checked).to.equal(false);
      expect(again.idea!.images).to.have.length(1);
      expect($(again, '[name^=alt-]').value).to.equal('Пустой берег');
      await expect(again).to.be.accessible();

      [...root(again).querySelectorAll<HTMLButtonElement>('[part~=draft] button')][0]!.click();
      await again.updateComplete;
      expect($(again, '#title').value).to.equal('');
      expect(Object.keys(localStorage).filter((k) => k.startsWith('veche:idea-draft'))).to.have.length(0);
    });

    it('keeps separate drafts for two forms on one page', async () => {
      const adapter = open();
      const holder = await fixture<HTMLDivElement>(html`<div>
        <veche-idea-form campaign="demo" draft-key="a" .adapter=${adapter}></veche-idea-form>
        <veche-idea-form campaign="demo" draft-key="b" .adapter=${adapter}></veche-idea-form>
      </div>`);
      const [a, b] = [...holder.querySelectorAll('veche-idea-form')] as VecheIdeaForm[];
      await settled(a!);
      await settled(b!);
      await type(a!, 'title', 'Идея A');
      await type(b!, 'title', 'Идея B');
      await expect(holder).to.be.accessible();
      holder.innerHTML = '';
      const again = await mount(adapter, 'b');
      expect($(again, '#title').value).to.equal('Идея B');
      expect(Object.keys(localStorage).filter((k) => k.startsWith('veche:idea-draft'))).to.have.length(2);
    });
  });

  describe('sending', () => {
    const failures: [string, Faults, RegExp][] = [
      ['a network failure', { submitIdea: 'network' }, /Нет связи/],
      ['a 500 (unavailable)', { submitIdea: 'unavailable' }, /временно недоступен/],
    ];
    for (const [what, faults, message] of failures) {
      it(`keeps everything typed after ${what}, and the same Idempotency-Key on retry`, async () => {
        const { adapter, calls } = spy(open(faults));
        const el = await mount(adapter);
        await fillValid(el);
        await type(el, 'summary', 'Коротко');
        const error = oneEvent(el, 'veche-error');
        await submit(el);
        await error;
        await waitUntil(() => root(el).querySelector('[role=alert]'));
        expect($<HTMLElement>(el, '[role=alert]').textContent).to.match(message);
        expect(text(el)).to.contain('Всё, что вы написали, сохранено');
        expect($(el, '#title').value).to.equal('Скамейки у реки');
        expect($(el, '#summary').value).to.equal('Коротко');
        expect($(el, '#consent-personal-data').checked).to.equal(true);
        expect(localStorage.getItem('veche:idea-draft:adapter|demo|test')).to.contain('Скамейки у реки');
        await expect(el).to.be.accessible();
        delete faults.submitIdea;
        await submit(el);
        await sent(el);
        expect(calls).to.have.length(2);
        expect(calls[0]!.options!.idempotencyKey).to.be.a('string').and.equal(calls[1]!.options!.idempotencyKey);
      });
    }

    for (const code of ['invalid-input', 'rule-violation'] as const) {
      it(`puts the server's ${code} issues next to the fields and keeps the text`, async () => {
        const base = open();
        const refusing = new Proxy(base, {
          get: (t, k, r) =>
            k === 'submitIdea'
              ? async () => {
                  throw new VecheError(code, 'Invalid idea', {
                    details: {
                      issues: [
                        { field: 'author.contact', code: 'contact-required', message: 'needs an e-mail address' },
                        { field: 'consents.personal-data', code: 'consent-outdated', message: 'was given to version 1' },
                        { field: 'title', code: 'too-long', limit: 10, message: 'must be at most 10 characters' },
                        { field: 'somewhere.else', message: 'odd' },
                        { field: 'summary', code: 'from-a-newer-server', message: 'odd too' },
                      ],
                    },
                  });
                }
              : Reflect.get(t, k, r),
        });
        const el = await mount(refusing);
        await fillValid(el);
        await submit(el);
        await waitUntil(() => root(el).querySelector('[part~=error-summary]'));
        await aTimeout(0);
        expect(focused(el)).to.equal($(el, '[part~=error-summary]'));
        expect(errorOf(el, 'title')).to.contain('не больше 10 знаков');
        expect(errorOf(el, 'contact')).to.contain('Укажите электронную почту или телефон');
        expect(errorOf(el, 'consent-personal-data')).to.contain('Текст согласия изменился');
        expect(errorOf(el, 'summary')).to.contain('«Коротко о главном»: сервер не принял это значение');
        expect($(el, '[part~=error-summary]').textContent).to.contain('Проверьте введённые данные');
        expect($(el, '#title').value).to.equal('Скамейки у реки');
        await expect(el).to.be.accessible();
        // Editing the field takes the server's complaint away.
        await type(el, 'title', 'Скамейки');
        expect(errorOf(el, 'title')).to.equal('');
      });
    }

    it('on success says what happens next, emits veche-idea-submit and clears the draft', async () => {
      const el = await mount(open());
      await fillValid(el);
      await type(el, 'address', 'Набережная');
      expect(localStorage.getItem('veche:idea-draft:adapter|demo|test')).to.contain('Скамейки');
      const event = oneEvent(el, 'veche-idea-submit');
      await submit(el);
      const { detail } = await event;
      expect(detail).to.deep.equal({ campaignId: 'demo', id: detail.id, status: 'submitted' });
      await sent(el);
      expect(text(el)).to.contain(`Номер идеи: ${detail.id}`);
      expect(text(el)).to.contain('Модератор проверит её');
      expect(text(el)).to.contain('resident@example.ru');
      await aTimeout(0);
      expect(focused(el)?.id).to.equal('done');
      expect(localStorage.getItem('veche:idea-draft:adapter|demo|test')).to.equal(null);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=success] button').click();
      await el.updateComplete;
      expect($(el, '#title').value).to.equal('');
    });

    it('sends an address without coordinates inside the description', async () => {
      const { adapter, calls } = spy(open());
      const el = await mount(adapter);
      await fillValid(el);
      await type(el, 'address', 'Набережная, 3');
      await submit(el);
      await sent(el);
      expect(calls[0]!.idea.description).to.match(/\n\nМесто: Набережная, 3$/);
      expect(calls[0]!.idea.location).to.equal(undefined);
    });

    it('sends one idea however often the button is pressed', async () => {
      const { adapter, calls } = spy(open());
      const el = await mount(adapter);
      await fillValid(el);
      const button = $<HTMLButtonElement>(el, '[part~=submit]');
      button.click();
      button.click();
      await el.updateComplete;
      button.click();
      await sent(el);
      expect(calls).to.have.length(1);
    });
  });

  it('takes part in a host <form>: value under its name, validity, :state(user-invalid)', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><veche-idea-form name="idea" campaign="demo" .adapter=${open()}></veche-idea-form></form>`,
    );
    const el = form.querySelector('veche-idea-form')!;
    await settled(el);
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.contain('Заполните поле «Название идеи»');
    expect(el.matches(':state(user-invalid)')).to.equal(false);
    await submit(el);
    expect(el.matches(':state(user-invalid)')).to.equal(true);
    await fillValid(el);
    expect(form.checkValidity()).to.equal(true);
    expect(el.matches(':state(user-invalid)')).to.equal(false);
    const value = JSON.parse(new FormData(form).get('idea') as string) as IdeaInputDraft;
    expect(value.title).to.equal('Скамейки у реки');
    expect(value.author).to.deep.equal({ email: 'resident@example.ru' });
    await type(el, 'title', 'x'.repeat(200));
    expect(el.validity.tooLong).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect($(el, '#title').value).to.equal('');
    await expect(form).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount(open(), 'en', 'en');
    expect(text(el)).to.contain('Suggest an idea');
    expect(text(el)).to.contain('I consent to the processing of my personal data');
    expect($(el, '#title-count').textContent!.trim()).to.equal('0 of 120');
    await submit(el);
    expect(plain($(el, '[part~=error-summary]').textContent)).to.contain('Please check the form: 4 problems');
    await expect(el).to.be.accessible();
  });

  it('gets plurals right for any limit', async () => {
    const fixtureData = demoFixture();
    fixtureData.campaign.phases = movePhases(fixtureData.campaign.phases as never, 'ideas', new Date(Date.now() - 86_400_000));
    fixtureData.campaign.ideaLimits = { title: 21, summary: 300, description: 5000, photos: 1, photoBytes: 2_500_000 };
    const en = await mount(new MemoryAdapter({ fixtures: [fixtureData] }), 'plural-en', 'en');
    expect(text(en)).to.contain('Up to 1 photo, JPEG, PNG or WebP, each at most 2.5 MB.');
    await type(en, 'title', 'x'.repeat(22));
    expect(errorOf(en, 'title')).to.contain('at most 21 characters');
    const ru = await mount(new MemoryAdapter({ fixtures: [fixtureData] }), 'plural-ru');
    expect(text(ru)).to.contain('До 1 фото в формате JPEG, PNG или WebP, каждое не больше 2,5 МБ.');
    await type(ru, 'title', 'x'.repeat(22));
    expect(errorOf(ru, 'title')).to.contain('не больше 21 знака');
    await type(ru, 'title', 'x'.repeat(19));
    expect(plain($(ru, '[aria-live=polite]').textContent)).to.equal('Осталось 2 знака');
    await type(ru, 'title', 'x'.repeat(20));
    expect(plain($(ru, '[aria-live=polite]').textContent)).to.equal('Осталось 1 знак');
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const el = await mount(open());
    const event = oneEvent(el, 'veche-idea-submit');
    el.focus();
    expect(focused(el)?.id).to.equal('title');
    await sendKeys({ type: 'Скамейки у реки' });
    const path = ['summary', 'description', 'category', 'district', 'cost', 'address', 'lat', 'lng', 'photos', 'name', 'contact'];
    for (const id of path) {
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.id, `Tab reaches ${id}`).to.equal(id);
      if (id === 'description') await sendKeys({ type: 'Поставить пять скамеек вдоль набережной.' });
      if (id === 'contact') await sendKeys({ type: 'resident@example.ru' });
    }
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('consent-personal-data');
    await sendKeys({ press: 'Space' });
    expect($(el, '#consent-personal-data').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.tagName).to.equal('SUMMARY');
    // The two optional consents and their texts, then the button.
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.contain('submit');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.status).to.equal('submitted');
    expect(text(el)).to.contain('Спасибо! Идея отправлена');
  });
});
