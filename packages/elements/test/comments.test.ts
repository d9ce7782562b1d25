import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VecheError, type VecheAdapter } from '@veche/core';
import { withFaults } from '../../../stories/support/adapters.ts';
import { MINUTE, NOW, discussionAt, without } from '../../../stories/support/discussion-fixtures.ts';
import '../src/comments/define.ts';
import { VecheComments } from '../src/comments/comments.ts';
import type { VecheCommentDetail } from '../src/comments/comments.model.ts';
import type { VecheSignIn } from '../src/sign-in/sign-in.ts';
import { instrument, text } from './support/vote-fixtures.ts';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const ids = (el: Element) => $$(el, '.list > li > article').map((a) => a.getAttribute('aria-labelledby')!.slice(2));
const live = (el: Element) => $(el, '[aria-live=polite]')!.textContent!.trim();
const settled = (el: VecheComments) => waitUntil(() => $(el, '.section, [part~=error]'), 'the discussion settles', { timeout: 4000 });
/** The forms load on first use: wait until the composer (or the reply buttons) are there. */
const ready = (el: VecheComments) => waitUntil(() => $(el, 'form, [data-action=reply]'), 'the forms load', { timeout: 4000 });
const button = (el: Element, action: string, id: string) => $<HTMLButtonElement>(el, `[data-action="${action}"][data-id="${id}"]`)!;

async function mount(adapter: VecheAdapter | undefined, extra: Record<string, unknown> = {}, project = 'demo-1'): Promise<VecheComments> {
  localStorage.removeItem(`veche:comments:${project}`);
  const el = await fixture<VecheComments>(html`<veche-comments project=${project} .adapter=${adapter} .clock=${() => NOW}></veche-comments>`);
  Object.assign(el, extra);
  await settled(el);
  return el;
}

/** Types into the new-comment field as a resident would. */
async function type(el: VecheComments, selector: string, value: string): Promise<void> {
  const field = $<HTMLTextAreaElement>(el, selector)!;
  field.focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function post(el: VecheComments): Promise<VecheCommentDetail> {
  const event = oneEvent(el, 'veche-comment');
  $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
  return (await event).detail;
}

describe('veche-comments', () => {
  afterEach(() => localStorage.clear());

  describe('loading, errors and setup', () => {
    it('shows a loading state while the adapter has not answered', async () => {
      const el = await fixture<VecheComments>(html`<veche-comments project="demo-1" .adapter=${withFaults(discussionAt(), { listComments: 'hang' })}></veche-comments>`);
      await waitUntil(() => $(el, '[part~=loading]'));
      expect(text(el)).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('explains a network failure, emits veche-error, and retries', async () => {
      const spy = instrument(discussionAt());
      spy.fail.listComments = new VecheError('network', 'offline');
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-comments'), { adapter: spy.adapter, project: 'demo-1' });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('network');
      await settled(el);
      expect(text(el)).to.contain('Нет связи с сервером');
      await expect(el).to.be.accessible();
      spy.fail.listComments = undefined;
      $<HTMLButtonElement>(el, '[part~=retry]')!.click();
      await waitUntil(() => $(el, '.list'));
      expect(ids(el)[0]).to.equal('c-1-official');
    });

    it('says so where the form would be when the form cannot be downloaded, and its retry brings it', async () => {
      let offline = true;
      class Offline extends VecheComments {
        protected override importForms() {
          return offline ? Promise.reject(new VecheError('network', 'Could not load the comment form')) : super.importForms();
        }
      }
      if (!customElements.get('offline-comments')) customElements.define('offline-comments', Offline);
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('offline-comments'), { adapter: discussionAt({ signedIn: true }), project: 'demo-1' });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('network');
      await waitUntil(() => $(el, '[part~=error]'), 'the failure shows');
      expect(text($(el, '[part~=error]')!)).to.contain('Форма для комментария не загрузилась. Нет связи с сервером');
      expect($(el, '.list')).to.exist;
      await expect(el).to.be.accessible();
      offline = false;
      $<HTMLButtonElement>(el, '[part~=retry]')!.click();
      await waitUntil(() => $(el, 'form #new'), 'the retry brings the form');
      expect($(el, '[part~=error]')).to.equal(null);
    });

    it('says what is missing: no project, no API', async () => {
      const noProject = await fixture<VecheComments>(html`<veche-comments .adapter=${discussionAt()}></veche-comments>`);
      await settled(noProject);
      expect(text(noProject)).to.contain('укажите проект');
      await expect(noProject).to.be.accessible();
      const noApi = await fixture<VecheComments>(html`<veche-comments project="demo-1"></veche-comments>`);
      await settled(noApi);
      expect(text(noApi)).to.contain('адрес API');
    });

    it('says so when the backend has no discussion, and shows a read-only one without forms', async () => {
      const none = await mount(without(discussionAt(), ['listComments']));
      expect(text(none)).to.contain('Обсуждение на этом сайте недоступно');
      await expect(none).to.be.accessible();
      const readOnly = await mount(without(discussionAt({ signedIn: true }), ['postComment'], { comments: false }));
      expect(ids(readOnly)).to.have.length(4);
      expect($(readOnly, 'form')).to.equal(null);
      expect($(readOnly, '[data-action]')).to.equal(null);
      // Each comment shows its useful count alone (the buttons come with the forms).
      expect($$(readOnly, '[part~=actions]').length).to.equal($$(readOnly, 'article').length);
      for (const actions of $$(readOnly, '[part~=actions]')) expect(text(actions)).to.match(/^Полезно: \d+$/);
      expect(text(readOnly)).to.contain('можно только читать');
    });

    it('reports an answer that is not a comment page as invalid-response, not a blank box', async () => {
      const el = await mount(withFaults(discussionAt(), { listComments: 'invalid-response' }));
      expect(text(el)).to.contain('непонятный ответ');
      expect($(el, '[part~=retry]')).to.not.equal(null);
    });
  });

  describe('reading', () => {
    it('pins official answers, threads replies, shows stances in words and the counts', async () => {
      const el = await mount(discussionAt());
      expect(ids(el)).to.deep.equal(['c-1-official', 'c-1-3', 'c-1-2', 'c-1-1']);
      const official = $(el, 'article[data-official]')!;
      expect(text(official)).to.contain('Официальный ответ');
      expect(official.getAttribute('part')).to.equal('comment official');
      expect(text($(el, '[part=summary]')!)).to.contain('6 комментариев');
      expect(text($(el, '[part=summary]')!)).to.contain('за 1, против 1, нейтрально 1');
      const thread = $$(el, '.list > li > article')[3]!;
      expect(thread.querySelectorAll('.replies article')).to.have.length(2);
      expect(text(thread.querySelector('.replies article')!)).to.contain('Отдел благоустройства');
      expect(text($$(el, '.list > li > article')[2]!)).to.contain('Против');
      expect(text($$(el, '.list > li > article')[2]!)).to.contain('Житель');
      await expect(el).to.be.accessible();
    });

    it('switches to most useful first with the keyboard', async () => {
      const el = await mount(discussionAt());
      const useful = $$(el, '[part~=sort] button')[1]!;
      useful.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => ids(el)[1] === 'c-1-1', 'sorted by useful');
      expect(useful.getAttribute('aria-pressed')).to.equal('true');
      expect(el.getAttribute('sort')).to.equal('useful');
      await expect(el).to.be.accessible();
    });

    it('loads more threads a page at a time and moves focus to the first new one', async () => {
      const el = await mount(discussionAt(), { pageSize: 2 });
      await waitUntil(() => ids(el).length === 2);
      const more = $<HTMLButtonElement>(el, '[part~=more]')!;
      more.click();
      await waitUntil(() => ids(el).length === 4, 'the second page');
      expect($(el, '[part~=more]')).to.equal(null);
      expect(root(el).activeElement?.getAttribute('aria-labelledby')).to.equal(`a-${ids(el)[2]}`);
    });

    it('renders resident text as text, never as markup', async () => {
      const adapter = discussionAt({ signedIn: true });
      await adapter.postComment('demo-8', { body: '<img src=x onerror="window.hacked=1"><b>жирный</b>' });
      const el = await mount(adapter, {}, 'demo-8');
      expect($(el, '.body img')).to.equal(null);
      expect($(el, '.body')!.textContent).to.contain('<img src=x');
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });

    it('speaks English with lang="en"', async () => {
      const el = await fixture<VecheComments>(html`<veche-comments lang="en" project="demo-1" .adapter=${discussionAt({ signedIn: true })} .clock=${() => NOW}></veche-comments>`);
      await waitUntil(() => $(el, '.list'), 'English texts load', { timeout: 4000 });
      await ready(el);
      expect(text(el)).to.contain('Discussion');
      expect(text(el)).to.contain('Official answer');
      expect(text(el)).to.contain('Your comment');
      expect(text(el)).to.contain('6 comments');
      await expect(el).to.be.accessible();
    });

    it('says when the discussion is closed and offers no form', async () => {
      const el = await mount(discussionAt({ discussion: { open: false }, signedIn: true }));
      expect(text(el)).to.contain('Обсуждение закрыто');
      expect($(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('writing', () => {
    it('brings the styles of the forms and the buttons with them: full-width fields, 44 px choices and buttons', async () => {
      const el = await mount(discussionAt({ signedIn: true }));
      await ready(el);
      const form = $(el, 'form')!.getBoundingClientRect();
      expect($(el, '#new')!.getBoundingClientRect().width).to.equal(form.width);
      for (const target of [$(el, '.choice')!, button(el, 'reply', 'c-1-2')]) expect(target.getBoundingClientRect().height).to.be.at.least(44);
      expect(getComputedStyle($(el, 'fieldset')!).borderTopStyle).to.equal('none');
    });

    it('posts a comment with a stance chosen by keyboard; it goes first after the pinned answer', async () => {
      const el = await mount(discussionAt({ signedIn: true }));
      await ready(el);
      await type(el, '#new', 'Площадку ждём всем двором!');
      $<HTMLInputElement>(el, 'input[name=new-stance][value=""]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[name=new-stance][value=for]')!.checked).to.equal(true);
      const detail = await post(el);
      expect(detail).to.include({ projectId: 'demo-1', action: 'post' });
      expect(detail.comment).to.include({ body: 'Площадку ждём всем двором!', stance: 'for' });
      await el.updateComplete;
      expect(ids(el)[1]).to.equal(detail.commentId);
      expect($<HTMLTextAreaElement>(el, '#new')!.value).to.equal('');
      expect(localStorage.getItem('veche:comments:demo-1') ?? '').to.not.contain('Площадку');
      await waitUntil(() => live(el).includes('опубликован'));
      await expect(el).to.be.accessible();
    });

    it('signs the resident in first, then sends what they typed', async () => {
      const el = await mount(discussionAt());
      await ready(el);
      expect(text(el)).to.contain('попросим подтвердить');
      await type(el, '#new', 'Без входа не получится');
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await waitUntil(() => $(el, 'veche-sign-in')?.shadowRoot?.querySelector('dialog[open] input'), 'the dialog opens', { timeout: 4000 });
      const dialog = $(el, 'veche-sign-in') as VecheSignIn;
      const input = dialog.shadowRoot!.querySelector<HTMLInputElement>('input')!;
      input.focus();
      await sendKeys({ type: 'DEMO-1001' });
      const event = oneEvent(el, 'veche-comment');
      await sendKeys({ press: 'Enter' });
      const { detail } = await event;
      expect(detail.comment?.body).to.equal('Без входа не получится');
      await waitUntil(() => ids(el).includes(detail.commentId));
    });

    it('keeps the comment the sign-in was for when the re-read after signing in answers late, with the page from before it', async () => {
      // The page read right after signing in is made before the comment is stored, and arrives after it.
      const base = discussionAt();
      let posted: Promise<unknown> | undefined;
      let reads = 0;
      const adapter = new Proxy(base, {
        get(target, key) {
          const value = Reflect.get(target, key) as unknown;
          if (typeof value !== 'function') return value;
          if (key === 'postComment') return (...args: unknown[]) => (posted = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
          if (key === 'listComments') {
            return async (...args: unknown[]) => {
              const page = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
              if (++reads === 2) {
                await waitUntil(() => posted, 'the comment is sent', { timeout: 4000 });
                await posted;
                await new Promise((resolve) => setTimeout(resolve, 50));
              }
              return page;
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
      const el = await mount(adapter);
      await ready(el);
      const before = text($(el, '[part~=summary]')!);
      await type(el, '#new', 'Меня не должно стереть');
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await waitUntil(() => $(el, 'veche-sign-in')?.shadowRoot?.querySelector('dialog[open] input'), 'the dialog opens', { timeout: 4000 });
      const input = ($(el, 'veche-sign-in') as VecheSignIn).shadowRoot!.querySelector<HTMLInputElement>('input')!;
      input.focus();
      await sendKeys({ type: 'DEMO-1001' });
      const event = oneEvent(el, 'veche-comment');
      await sendKeys({ press: 'Enter' });
      const { detail } = await event;
      await waitUntil(() => reads >= 2 && live(el).includes('опубликован'), 'the re-read and the announcement', { timeout: 4000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await el.updateComplete;
      expect(ids(el)).to.include(detail.commentId);
      expect(text(el)).to.contain('Меня не должно стереть');
      expect(text($(el, '[part~=summary]')!)).to.not.equal(before);
    });

    it('keeps the typed text after a failure and across a reload', async () => {
      const spy = instrument(discussionAt({ signedIn: true }));
      spy.fail.postComment = new VecheError('network', 'offline');
      const el = await mount(spy.adapter);
      await ready(el);
      await type(el, '#new', 'Текст, который нельзя потерять');
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await waitUntil(() => $(el, '[id=new-error]'), 'the failure shows');
      expect(text($(el, '[id=new-error]')!)).to.contain('Нет связи');
      expect($<HTMLTextAreaElement>(el, '#new')!.value).to.equal('Текст, который нельзя потерять');
      await expect(el).to.be.accessible();

      const again = await fixture<VecheComments>(html`<veche-comments project="demo-1" .adapter=${discussionAt({ signedIn: true })} .clock=${() => NOW}></veche-comments>`);
      await settled(again);
      await ready(again);
      expect($<HTMLTextAreaElement>(again, '#new')!.value).to.equal('Текст, который нельзя потерять');
      spy.fail.postComment = undefined;
    });

    it('shows a failure once: one of no field above the button, a field’s by the field, with one id', async () => {
      const spy = instrument(discussionAt({ signedIn: true }));
      spy.fail.postComment = new VecheError('unavailable', 'HTTP 500');
      const el = await mount(spy.adapter);
      await ready(el);
      // With the name field open too: three places a failure could go.
      $<HTMLInputElement>(el, '.consent input')!.click();
      await el.updateComplete;
      await type(el, '#new-name', 'Мария');
      await type(el, '#new', 'Текст');
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await waitUntil(() => $(el, '[id=new-error]'), 'the failure shows');
      const shown = () => $$(el, 'form [part~=error]');
      expect(shown().map((p) => p.id)).to.deep.equal(['new-error']);
      expect(text(shown()[0]!)).to.contain('временно недоступен');
      expect(shown()[0]!.nextElementSibling?.matches('.buttons')).to.equal(true);

      // Too long: said once, under the field it concerns.
      const field = $<HTMLTextAreaElement>(el, '#new')!;
      field.value = 'я'.repeat(2001);
      field.dispatchEvent(new Event('input'));
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await el.updateComplete;
      expect(shown().map((p) => p.id)).to.deep.equal(['new-error']);
      expect(text(shown()[0]!)).to.contain('длиннее');
      expect(shown()[0]!.previousElementSibling?.id).to.equal('new-count');
      await expect(el).to.be.accessible();
    });

    it('checks length before sending and shows the server’s issues by the field', async () => {
      const el = await mount(discussionAt({ signedIn: true, discussion: { maxLength: 100 } }));
      await ready(el);
      await type(el, '#new', 'я'.repeat(101));
      expect(text($(el, '#new-count')!)).to.contain('Лишних знаков: 1');
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await el.updateComplete;
      expect($(el, '#new')!.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '[id=new-error]')!)).to.contain('длиннее 100');

      const spy = instrument(discussionAt({ signedIn: true }));
      spy.fail.postComment = new VecheError('invalid-input', 'Invalid comment: body must be at most 2000 characters', {
        details: { issues: [{ field: 'body', code: 'too-long', limit: 2000, message: 'must be at most 2000 characters' }] },
      });
      const other = await mount(spy.adapter);
      await ready(other);
      await type(other, '#new', 'Текст');
      $<HTMLButtonElement>(other, 'form [part~=submit]')!.click();
      await waitUntil(() => $(other, '[id=new-error]'));
      expect(text($(other, '[id=new-error]')!)).to.contain('длиннее 2 000');
    });

    it('shows the name only after its own consent is ticked', async () => {
      const el = await mount(discussionAt({ signedIn: true }));
      await ready(el);
      const consent = $<HTMLInputElement>(el, '.consent input')!;
      expect(consent.checked).to.equal(false);
      expect($(el, '#new-name')).to.equal(null);
      consent.click();
      await el.updateComplete;
      await type(el, '#new-name', 'Мария');
      await type(el, '#new', 'Подписываюсь именем');
      const detail = await post(el);
      expect(detail.comment?.authorName).to.equal('Мария');
      await expect(el).to.be.accessible();
    });

    it('says a comment waits for moderation under pre-moderation', async () => {
      const el = await mount(discussionAt({ signedIn: true, discussion: { premoderation: true } }));
      await ready(el);
      expect(text(el)).to.contain('публикуются после проверки');
      await type(el, '#new', 'Проверьте меня');
      const detail = await post(el);
      expect(detail.comment?.status).to.equal('pending');
      await el.updateComplete;
      expect(text(el)).to.contain('На модерации');
      await waitUntil(() => live(el).includes('после проверки'));
    });

    it('lets the host veto a comment with veche-comment-request', async () => {
      const spy = instrument(discussionAt({ signedIn: true }));
      const el = await mount(spy.adapter);
      await ready(el);
      el.addEventListener('veche-comment-request', (e) => e.preventDefault(), { once: true });
      await type(el, '#new', 'Не уйдёт');
      $<HTMLButtonElement>(el, 'form [part~=submit]')!.click();
      await el.updateComplete;
      expect(spy.calls.postComment ?? 0).to.equal(0);
      expect($<HTMLTextAreaElement>(el, '#new')!.value).to.equal('Не уйдёт');
    });

    it('replies under a comment, with focus in the reply and back on the button after cancel', async () => {
      const el = await mount(discussionAt({ signedIn: true }));
      await ready(el);
      const reply = button(el, 'reply', 'c-1-2');
      reply.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement?.id === 'reply-c-1-2', 'focus in the reply');
      expect(reply.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ type: 'Согласен про стоянку' });
      const event = oneEvent(el, 'veche-comment');
      $<HTMLButtonElement>(el, '[id=reply-c-1-2]')!.closest('form')!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      const { detail } = await event;
      expect(detail).to.include({ action: 'reply' });
      await el.updateComplete;
      const thread = $$(el, '.list > li > article')[2]!;
      expect(text(thread)).to.contain('Согласен про стоянку');
      await waitUntil(() => root(el).activeElement === button(el, 'reply', 'c-1-2'), 'focus back on the button');

      button(el, 'reply', 'c-1-3').click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~=cancel]')!.click();
      await waitUntil(() => root(el).activeElement === button(el, 'reply', 'c-1-3'));
      expect($(el, '[id=reply-c-1-3]')).to.equal(null);
    });
  });

  describe('editing, marks and reports', () => {
    it('offers editing for 10 minutes, then not', async () => {
      let now = NOW;
      const clock = () => now;
      const adapter = discussionAt({ signedIn: true, now: clock });
      const el = await fixture<VecheComments>(html`<veche-comments project="demo-2" .adapter=${adapter} .clock=${clock}></veche-comments>`);
      await settled(el);
      await ready(el);
      await type(el, '#new', 'Опечтака');
      const { commentId } = await post(el);
      await el.updateComplete;
      button(el, 'edit', commentId).click();
      await waitUntil(() => root(el).activeElement?.id === `edit-${commentId}`);
      const field = $<HTMLTextAreaElement>(el, `[id=edit-${commentId}]`)!;
      expect(text(field.closest('form')!)).to.contain('Изменить можно до');
      field.select();
      await sendKeys({ type: 'Опечатка' });
      const event = oneEvent(el, 'veche-comment');
      field.closest('form')!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      expect((await event).detail.action).to.equal('edit');
      await el.updateComplete;
      const article = $(el, `[aria-labelledby="a-${commentId}"]`)!;
      expect(text(article)).to.contain('Опечатка');
      expect(text(article)).to.contain('изменён');
      now = new Date(NOW.getTime() + 10 * MINUTE);
      el.requestUpdate();
      await el.updateComplete;
      expect($(el, `[data-action=edit][data-id="${commentId}"]`)).to.equal(null);
    });

    it('marks a comment useful, shows it at once, and rolls back a failure', async () => {
      const spy = instrument(discussionAt({ signedIn: true }));
      const el = await mount(spy.adapter);
      await ready(el);
      const useful = button(el, 'mark', 'c-1-2');
      expect(text(useful)).to.contain('Полезно: 6');
      useful.click();
      await waitUntil(() => button(el, 'mark', 'c-1-2').getAttribute('aria-pressed') === 'true');
      expect(text(button(el, 'mark', 'c-1-2'))).to.contain('Полезно: 7');
      spy.fail.markComment = new VecheError('network', 'offline');
      button(el, 'mark', 'c-1-2').click();
      await waitUntil(() => $(el, '[id="mark-c-1-2-error"]'), 'the failure shows');
      expect(button(el, 'mark', 'c-1-2').getAttribute('aria-pressed')).to.equal('true');
      expect(text(button(el, 'mark', 'c-1-2'))).to.contain('Полезно: 7');
      expect(text($(el, '[id="mark-c-1-2-error"]')!)).to.contain('Отметка не сохранена');
      await expect(el).to.be.accessible();
    });

    it('reports a comment with a reason chosen by keyboard', async () => {
      const el = await mount(discussionAt({ signedIn: true }));
      await ready(el);
      button(el, 'report', 'c-1-3').click();
      await waitUntil(() => root(el).activeElement?.getAttribute('name') === 'reason-c-1-3');
      await sendKeys({ press: 'ArrowDown' });
      await expect(el).to.be.accessible();
      const event = oneEvent(el, 'veche-comment');
      $<HTMLInputElement>(el, '[name=reason-c-1-3]')!.closest('form')!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      expect((await event).detail).to.include({ action: 'report', commentId: 'c-1-3' });
      await el.updateComplete;
      expect(text($$(el, '.list > li > article')[1]!)).to.contain('Вы пожаловались');
      await waitUntil(() => live(el).includes('Жалоба отправлена'));
    });
  });
});
