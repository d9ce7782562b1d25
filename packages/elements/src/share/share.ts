import { VecheError, type Campaign } from '@veche/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '../base/data-task.ts';
import { VecheWidget } from '../base/veche-widget.ts';
import { readableAddress, shareLink, webAddress } from './share.links.ts';
import { shareMessages, type ShareTerms } from './share.i18n.ts';
import type * as Poster from './share.poster.ts';
import type { QrCode } from './share.qr.ts';
import { styles } from './share.styles.ts';
import { isShareNetwork, type ShareChannel, type ShareNetwork } from './share.types.ts';
import { fieldStyles } from '../styles/fields.ts';

/** `veche-share`: a resident used a share link, copied the address or printed the poster. */
export interface VecheShareDetail {
  channel: ShareChannel;
  url: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-share': CustomEvent<VecheShareDetail>;
  }
}

type PosterModule = typeof Poster;

/** A module loaded on first use; a failed download is a network failure and may be tried again. */
function lazy<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw new VecheError('network', `Could not load the ${what}`, { cause: e });
    }));
}
const loadQr = lazy(() => import('./share.qr.ts'), 'QR code generator');
const loadPoster = lazy(() => import('./share.poster.ts'), 'poster');
/** The poster's styles, shared by every `<veche-share>` of the page once loaded. */
let posterSheet: CSSStyleSheet | undefined;

/** Words of the `networks` attribute: space- or comma-separated, any case. */
const words = (value: string | undefined) => (value ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);

/**
 * Share links for VK, OK, Telegram and MAX (no Viber: blocked in Russia), a copy-link button, and a QR
 * code with a poster to print for notice boards. It shares `url` with `text`; without them it takes the
 * campaign's page and title from the adapter, and without an adapter this page's address. With `url`
 * and `text` it needs no adapter at all and makes no calls. Links open in a new tab without a referrer;
 * their addresses are built with `encodeURIComponent`, the QR code is drawn as SVG from a path of numbers.
 *
 * @summary Share links, copy-link, QR code and a printable poster.
 * @event veche-share - A share link was followed, the address copied or the poster printed: `{ channel, url }`.
 * @event veche-error - A bad `url` or `networks` value, or the campaign could not be loaded (the element still works).
 * @csspart base - The wrapper.
 * @csspart label - The "Поделиться" label.
 * @csspart networks - The list of share links.
 * @csspart link - A share link (also `vk`, `ok`, `telegram`, `max`).
 * @csspart input - The read-only field with the address.
 * @csspart button - Every button: `copy`, `open-poster`, and in the poster `print` and `close`.
 * @csspart status - The visible "Ссылка скопирована" message.
 * @csspart qr - The QR code's SVG.
 * @csspart notice - A message about a bad address or a campaign that could not be loaded.
 * @csspart poster-dialog - The poster's dialog; `poster` the poster itself.
 * @csspart poster - The printable poster.
 * @cssproperty --veche-share-qr-size - The QR code's width (default `10em`).
 * @cssproperty --veche-share-backdrop - The colour behind the poster dialog.
 */
export class VecheShare extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, shareMessages];

  static override styles = [...VecheWidget.styles, fieldStyles, styles];

  /** The address to share: absolute, or relative to the page. Default: the campaign's `url`, else this page. */
  @property() url?: string;

  /** The text that goes with it. Default: the campaign's title. */
  @property() text?: string;

  /** Which networks, in order: any of `vk ok telegram max`. */
  @property() networks = 'vk ok telegram max';

  @state() private qr?: QrCode;
  /** The poster's print code, once loaded. */
  #poster?: PosterModule;
  @state() private posterOpen = false;

  /** The campaign, only when `url` or `text` must come from it. */
  readonly data = this.load(
    () => [this.url?.trim() && this.text?.trim() ? undefined : this.campaignId] as const,
    async (adapter, [id], signal): Promise<Campaign | null> => {
      if (!id) return null;
      const campaign: unknown = await adapter.getCampaign(id, { signal });
      const c = campaign as Partial<Campaign> | null;
      if (typeof c?.title !== 'string' || (c.url !== undefined && typeof c.url !== 'string')) {
        throw new VecheError('invalid-response', 'The adapter sent a campaign without a title');
      }
      return c as Campaign;
    },
  );

  get #t(): ShareTerms {
    return this.terms(shareMessages);
  }

  /** Nothing is missing without an adapter or a campaign: this page's address is shared then. */
  protected override report(error: unknown): VecheError {
    const e = VecheError.from(error);
    return e.details?.['setup'] ? e : super.report(error);
  }

  get #campaign(): Campaign | undefined {
    return this.data.status === TaskStatus.COMPLETE ? (this.data.value ?? undefined) : undefined;
  }

  /** The address shared: `url`, else the campaign's page, else this page. */
  get shareUrl(): string {
    return webAddress(this.url) ?? webAddress(this.#campaign?.url) ?? location.href;
  }

  /** The text shared with it: `text`, else the campaign's title. */
  get shareText(): string {
    return this.text?.trim() || this.#campaign?.title || '';
  }

  get #networks(): ShareNetwork[] {
    return [...new Set(words(this.networks).filter(isShareNetwork))];
  }

  /** Whether the campaign (for the defaults) is still on its way. */
  get #waiting(): boolean {
    if ((this.url?.trim() && this.text?.trim()) || !this.campaignId) return false;
    const adapter = this.adapterTask.status;
    return adapter === TaskStatus.PENDING || (adapter !== TaskStatus.ERROR && this.data.status === TaskStatus.PENDING);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('url') && this.url?.trim() && !webAddress(this.url)) {
      this.report(new VecheError('invalid-input', `The url "${this.url}" is not an http(s) address; sharing this page instead`));
    }
    if (changed.has('networks')) {
      const unknown = words(this.networks).filter((n) => !isShareNetwork(n));
      if (unknown.length) this.report(new VecheError('invalid-input', `Unknown networks: ${unknown.join(', ')}; use vk, ok, telegram, max`));
    }
  }

  /** The address whose QR code is being made. */
  #qrFor?: string;

  protected override updated(): void {
    // The QR code follows the address; its generator loads with the first one.
    const url = this.#waiting ? undefined : this.shareUrl;
    if (url && this.qr?.text !== url && this.#qrFor !== url) {
      this.#qrFor = url;
      loadQr().then(
        ({ qrCode }) => {
          if (this.shareUrl === url) this.qr = qrCode(url);
        },
        (e: unknown) => {
          this.#qrFor = undefined;
          this.report(e);
        },
      );
    }
  }

  async #say(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  #shared(channel: ShareChannel): void {
    this.emit<VecheShareDetail>('veche-share', { channel, url: this.shareUrl });
  }

  #copy = async (): Promise<void> => {
    const url = this.shareUrl;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No Clipboard API (an http page, an old browser) or no permission: copy from the field.
    }
    if (!copied) {
      const input = this.renderRoot.querySelector('input');
      input?.focus();
      input?.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
    }
    void this.#say(copied ? this.#t.copied : this.#t.copyManually);
    if (copied) this.#shared('copy');
  };

  #openPoster = async (): Promise<void> => {
    try {
      const poster = await loadPoster();
      const root = this.renderRoot as ShadowRoot;
      if (!posterSheet) {
        posterSheet = new CSSStyleSheet();
        posterSheet.replaceSync(poster.posterCss);
      }
      if (!root.adoptedStyleSheets.includes(posterSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, posterSheet];
      this.#poster = poster;
      this.posterOpen = true;
      await this.updateComplete;
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    } catch (e) {
      this.report(e);
    }
  };

  #closePoster = (): void => {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog?.open) dialog.close();
    if (!this.posterOpen) return;
    this.posterOpen = false;
    this.renderRoot.querySelector<HTMLElement>('[part~=open-poster]')?.focus();
  };

  #print = (): void => {
    const article = this.renderRoot.querySelector('[part=poster]');
    if (!article || !this.#poster) return;
    this.#poster.printPoster(article, this.shareText || this.#t.poster, this.locale);
    this.#shared('print');
  };

  #renderQr(): TemplateResult {
    const qr = this.qr;
    const url = this.shareUrl;
    if (!qr || qr.text !== url) return html`<span class="qr skeleton" aria-hidden="true"></span>`;
    const side = qr.size + 8;
    return html`<svg part="qr" class="qr" role="img" aria-label=${this.#t.qr(readableAddress(url))} viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">
      <rect width=${side} height=${side} fill="#fff"></rect>
      <path d=${qr.path} transform="translate(4 4)" fill="#000"></path>
    </svg>`;
  }

  #renderNotice(): unknown {
    const t = this.#t;
    if (this.url?.trim() && !webAddress(this.url)) return html`<p part="notice" class="alert">${t.badUrl(this.url)}</p>`;
    if (this.data.status !== TaskStatus.ERROR) return nothing;
    return html`<div part="notice" class="alert">
      <p>${t.campaignFailed} ${this.describe(this.data.error)}</p>
      <button class="button" part="button retry" type="button" @click=${() => void this.data.run()}>${this.common.retry}</button>
    </div>`;
  }

  /** The poster in a modal dialog: the campaign's title, a text that differs from it, the code, the address. */
  #renderPoster(url: string, text: string): TemplateResult {
    const t = this.#t;
    const heading = this.#campaign?.title || text;
    const lead = text && text !== heading ? text : '';
    return html`<dialog
      part="poster-dialog"
      class="poster-dialog"
      aria-labelledby=${heading ? 'poster-title' : nothing}
      aria-label=${heading ? nothing : t.poster}
      @close=${this.#closePoster}
    >
      <article part="poster" class="poster">
        ${heading ? html`<h2 id="poster-title">${heading}</h2>` : nothing} ${lead ? html`<p class="lead">${lead}</p>` : nothing}
        ${this.#renderQr()}
        <p>${t.scan}</p>
        <p class="address">${readableAddress(url)}</p>
      </article>
      <div class="actions">
        <button class="button" part="button print" type="button" data-variant="primary" @click=${this.#print}>${t.print}</button>
        <button class="button" part="button close" type="button" @click=${this.#closePoster}>${this.common.close}</button>
      </div>
    </dialog>`;
  }

  protected override render() {
    if (this.termsPending || this.#waiting) return html`<div part="base" class="base">${this.renderLoading()}</div>`;
    const t = this.#t;
    const url = this.shareUrl;
    const text = this.shareText;
    const networks = this.#networks;
    return html`<div part="base" class="base">
      ${this.#renderNotice()}
      <div class="links">
        ${networks.length
          ? html`<p part="label" class="label" id="label">${t.share}</p>
              <ul part="networks" class="networks" aria-labelledby="label">
                ${networks.map(
                  (n) => html`<li>
                    <a
                      class="button"
                      part="link ${n}"
                      data-network=${n}
                      href=${shareLink(n, url, text)}
                      target="_blank"
                      rel="noopener noreferrer"
                      @click=${() => this.#shared(n)}
                      >${t.networks[n]}<span class="visually-hidden"> ${t.newTab}</span></a
                    >
                  </li>`,
                )}
              </ul>`
          : nothing}
        <div class="copy">
          <label for="address">${t.link}</label>
          <div class="row">
            <input id="address" part="input" type="url" readonly .value=${url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
            <button class="button" part="button copy" type="button" @click=${this.#copy}>${t.copy}</button>
          </div>
          <p part="status" class="status" role="status" aria-live="polite">${this.announcement}</p>
        </div>
      </div>
      <div class="qr-box">
        ${this.#renderQr()}
        <button class="button" part="button open-poster" type="button" aria-haspopup="dialog" @click=${this.#openPoster}>${t.poster}</button>
      </div>
      ${this.posterOpen ? this.#renderPoster(url, text) : nothing}
    </div>`;
  }
}
