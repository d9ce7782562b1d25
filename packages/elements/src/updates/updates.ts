import { formatDate, formatNumber, formatRelative, pluralForm, type UpdateItem, type VecheAdapter, type VecheError } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { check, isData, safeUrl } from '../base/checks.ts';
import { VecheWidget } from '../base/veche-widget.ts';
import { updatesMessages, type UpdatesTerms } from './updates.i18n.ts';
import { styles } from './updates.styles.ts';

/** One item as the view reads it: checked, photos and link only with safe addresses. */
type Item = Pick<UpdateItem, 'id' | 'kind' | 'title' | 'text' | 'date' | 'link' | 'photos'>;

/** A page of items from any adapter, checked. */
function readPage(v: unknown): { items: Item[]; next: string | null } {
  check(isData(v) && Array.isArray(v['items']), 'an unreadable page of news');
  const items = (v['items'] as unknown[]).map((i): Item => {
    check(isData(i) && typeof i['id'] === 'string' && typeof i['title'] === 'string' && !Number.isNaN(Date.parse(String(i['date']))), 'a news item without an id, title or date');
    const photos = (Array.isArray(i['photos']) ? i['photos'] : []).filter((p): p is Item['photos'][number] => isData(p) && safeUrl(p['url']) && typeof p['alt'] === 'string');
    return {
      id: i['id'] as string,
      kind: i['kind'] as Item['kind'],
      title: i['title'] as string,
      date: i['date'] as string,
      photos,
      ...(typeof i['text'] === 'string' ? { text: i['text'] } : {}),
      ...(safeUrl(i['link']) ? { link: i['link'] } : {}),
    };
  });
  const next = v['nextCursor'];
  return { items, next: typeof next === 'string' && next ? next : null };
}

/** Whether the adapter publishes news at all. */
const publishes = (adapter: VecheAdapter) => typeof adapter.listUpdates === 'function' && adapter.capabilities?.updates !== false;

/**
 * News of a campaign, or of one project, from the administration: decisions, phases that began,
 * finished milestones, photos of the works. Newest first, each with how long ago and the date, its photos
 * with their text alternatives and a link to read more; "Показать ещё" loads older items (the count is
 * announced and focus moves to the first new item). The same items are an Atom feed on the server.
 *
 * @summary News of a campaign or a project, newest first, with photos and paging.
 * @event veche-error - Loading failed: `{ code, message, error }`.
 * @csspart base - The wrapper of everything.
 * @csspart label - The heading.
 * @csspart list - The list of items; `item` each.
 * @csspart item - One news item.
 * @csspart date - An item's date (how long ago, and the date).
 * @csspart kind - The label of items about a phase or a milestone.
 * @csspart photos - An item's photos; `photo` each.
 * @csspart photo - One photo.
 * @csspart link - An item's "Подробнее" link.
 * @csspart more - The button that loads older items.
 * @csspart notice - No news, or a backend without news.
 * @csspart error - A failure, in words; `retry` its button.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-updates-accent - The line beside each item (default `--veche-color-border`).
 */
export class VecheUpdates extends VecheWidget {
  static override catalogs = [...VecheWidget.catalogs, updatesMessages];

  static override styles = [...VecheWidget.styles, styles];

  /** Only the news of this project. */
  @property() project?: string;

  /** Items a page (1–50, default 5). */
  @property({ type: Number }) limit = 5;

  /** The level of the heading (2–5, default 2); items are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The clock for "how long ago"; the device's by default (stories and tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  @state() private items: Item[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError?: VecheError;

  #moreAbort?: AbortController;

  readonly data = this.load(
    () => [this.campaignId, this.project?.trim() || undefined, this.#limit] as const,
    async (adapter, [id, project, limit], signal) => {
      const campaign = this.requireCampaign(id);
      if (!publishes(adapter)) return false;
      const page = readPage(await adapter.listUpdates!(campaign, { limit, ...(project ? { project } : {}) }, { signal }));
      this.#moreAbort?.abort();
      this.items = page.items;
      this.next = page.next;
      this.moreError = undefined;
      return true;
    },
  );

  get #t(): UpdatesTerms {
    return this.terms(updatesMessages);
  }

  get #limit(): number {
    return Math.min(50, Math.max(1, Math.round(this.limit) || 5));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreAbort?.abort();
  }

  #more = async (): Promise<void> => {
    const adapter = this.resolvedAdapter;
    const id = this.campaignId;
    const cursor = this.next;
    if (!adapter || !id || !cursor || this.loadingMore) return;
    const abort = (this.#moreAbort = new AbortController());
    const project = this.project?.trim();
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = readPage(await adapter.listUpdates!(id, { limit: this.#limit, cursor, ...(project ? { project } : {}) }, { signal: abort.signal }));
      if (abort.signal.aborted) return;
      const known = new Set(this.items.map((i) => i.id));
      const added = page.items.filter((i) => !known.has(i.id));
      const first = this.items.length;
      this.items = [...this.items, ...added];
      this.next = page.next;
      const t = this.#t;
      const count = (n: number) => `${formatNumber(n, this.locale)}\u00a0${pluralForm(this.locale, n, t.items)}`;
      this.announcement = '';
      await this.updateComplete;
      this.announcement = t.added(count(added.length), count(this.items.length));
      // Reading goes on with the first new item.
      this.renderRoot.querySelectorAll<HTMLElement>('[part~=item] [role=heading]')[first]?.focus();
    } catch (error) {
      if (!abort.signal.aborted) this.moreError = this.report(error);
    } finally {
      if (this.#moreAbort === abort) this.loadingMore = false;
    }
  };

  protected override render() {
    return html`<section part="base" class="base">${this.renderTask(this.data, (ok) => this.#renderList(ok))} ${this.renderLive()}</section>`;
  }

  #renderList(ok: boolean): TemplateResult {
    const t = this.#t;
    const level = Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
    const heading = html`<div part="label" class="label" role="heading" aria-level=${level}>${this.project?.trim() ? t.projectTitle : t.title}</div>`;
    if (!ok || this.items.length === 0) {
      return html`${heading}<p part="notice" class="alert" data-kind="info">${ok ? t.empty : t.unsupported}</p>`;
    }
    const now = this.clock?.() ?? new Date();
    return html`${heading}
      <ol part="list" class="list">
        ${this.items.map((item) => this.#renderItem(item, level + 1, now))}
      </ol>
      ${this.moreError ? html`<div part="error" class="alert" role="alert"><p>${t.moreFailed} ${this.describe(this.moreError)}</p></div>` : nothing}
      ${this.next
        ? html`<button class="button" type="button" part="more" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.#more}>
            ${this.loadingMore ? this.common.loading : this.moreError ? this.common.retry : t.older}
          </button>`
        : nothing}`;
  }

  #renderItem(item: Item, level: number, now: Date): TemplateResult {
    const t = this.#t;
    const locale = this.locale;
    const kind = item.kind === 'phase' || item.kind === 'milestone' ? t.kind[item.kind] : '';
    return html`<li part="item" class="item">
      <article>
        <div class="title" role="heading" aria-level=${level} tabindex="-1">${item.title}</div>
        <p class="meta">
          ${kind ? html`<span part="kind" class="kind">${kind}</span>` : nothing}
          <time part="date" datetime=${item.date}>${formatRelative(item.date, now, locale)} · ${formatDate(item.date, locale)}</time>
        </p>
        ${item.text ? html`<p class="text">${item.text}</p>` : nothing}
        ${item.photos.length
          ? html`<ul part="photos" class="photos">
              ${item.photos.map((p) => html`<li><img part="photo" src=${p.url} alt=${p.alt} loading="lazy" decoding="async" /></li>`)}
            </ul>`
          : nothing}
        ${item.link
          ? html`<a part="link" class="link" href=${item.link}>${t.more}<span class="visually-hidden">: ${item.title}</span></a>`
          : nothing}
      </article>
    </li>`;
  }
}
