import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state as litState } from 'lit/decorators.js';
import { dialogStyles } from '@veche/elements/styles/dialog';
import { fieldStyles } from '@veche/elements/styles/fields';
import { shared } from '@veche/elements/styles/shared';
import { tokens } from '@veche/elements/styles/tokens';
import { ApiError } from './api.ts';
import type { Terms } from './i18n.ts';
import { state } from './state.ts';
import { consoleStyles } from './styles.ts';

/**
 * The base of every screen: the console's styles, its texts in the chosen language, a busy flag, the
 * last failure shown in words (with field issues), and the screen's heading focused when it opens.
 */
export class Screen extends LitElement {
  static override styles = [tokens, shared, fieldStyles, dialogStyles, consoleStyles];

  /** The campaign the screen is about, from the address. */
  @property() campaignId?: string;

  @litState() protected busy = false;
  @litState() protected error: ApiError | undefined;

  #unsubscribe?: () => void;

  protected get t(): Terms {
    return state.t;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = state.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  override firstUpdated(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('h1');
    if (heading && this.hasAttribute('autofocus-heading')) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  /** Runs an API call: busy while it runs; success is announced, a failure shown and announced. */
  protected async run<T>(call: () => Promise<T>, success?: string): Promise<T | undefined> {
    this.busy = true;
    this.error = undefined;
    try {
      const result = await call();
      if (success) state.announce(success);
      return result;
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError('unavailable', String(error), 0);
      state.announce(this.describe(this.error), 'error');
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** A failure in words of the console's language, with the server's own explanation after it. */
  protected describe(error: ApiError): string {
    const general = (this.t.errors as Record<string, string>)[error.code] ?? this.t.errors.unavailable;
    return error.message && error.status !== 0 ? `${general} (${error.message})` : general;
  }

  protected renderError(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    return html`<p class="alert" role="alert">${this.describe(this.error)}</p>`;
  }

  /** The issue the server found with one field, if any (`campaign.budget`, `title` …). */
  protected issue(field: string): string | undefined {
    return this.error?.issues.find((i) => i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`))?.message;
  }

  protected renderIssue(id: string, field: string): TemplateResult | typeof nothing {
    const message = this.issue(field);
    return message ? html`<span class="issue" id=${`${id}-issue`}>${message}</span>` : nothing;
  }
}
