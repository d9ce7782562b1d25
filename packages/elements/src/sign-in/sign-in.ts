import { formatRelative, normalizeContact, type Identity, type SignInMethod, type VecheError } from '@veche/core';
import { TaskStatus } from '../base/data-task.ts';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget } from '../base/veche-widget.ts';
import { signInMessages, type SignInTerms } from './sign-in.i18n.ts';
import { styles } from './sign-in.styles.ts';
import { dialogMethods, type DialogMethod, type SignInAction, type SignInField } from './sign-in.types.ts';
import { dialogStyles } from '../styles/dialog.ts';
import { fieldStyles } from '../styles/fields.ts';

/** The element that has focus, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

const MIN_CODE = 4;

/**
 * A small modal dialog that signs a resident in through the adapter: with a voting code (printed on a
 * letter or a poster), or with a one-time code sent to an e-mail address or a phone. It offers only the
 * methods the campaign accepts for the action and the adapter can do. Other elements (the vote button,
 * the ballot) open it when an action needs a resident; a host page can open it too.
 *
 * Typed text survives a failure and closing the dialog; codes are cleared once they have been used.
 *
 * @summary Sign-in dialog: voting code or one-time code.
 * @event veche-sign-in - A resident signed in; `detail.identity`.
 * @event veche-error - A sign-in call failed (wrong code, rate limit, network); the dialog shows it by the field.
 * @csspart dialog - The native `<dialog>`.
 * @csspart base - The dialog's content.
 * @csspart title - The heading.
 * @csspart field - A label, hint, input and error group.
 * @csspart input - A text field.
 * @csspart error - The error under a field.
 * @csspart submit - The button that sends the form.
 * @csspart switch - The button that switches between voting code and one-time code.
 * @csspart cancel - The button that closes the dialog.
 * @cssproperty --veche-sign-in-width - The dialog's preferred width (30em); it never exceeds the viewport.
 * @cssproperty --veche-sign-in-backdrop - The colour behind the dialog.
 */
export class VecheSignIn extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, signInMessages];

  static override styles = [...VecheWidget.styles, dialogStyles, fieldStyles, styles];

  /** What the resident signs in for: `ideas`, `support` or `voting` (the default); decides the methods offered. */
  @property() action: SignInAction = 'voting';

  /**
   * The sign-in methods the campaign accepts for the action. When unset, the dialog reads them from
   * the campaign (or offers all the adapter's methods when there is no campaign).
   */
  @property({ attribute: false }) methods?: readonly SignInMethod[];

  /** Whether the dialog is open. */
  @state() private shown = false;
  @state() private chosen?: DialogMethod;
  @state() private step: 'contact' | 'code' = 'contact';
  @state() private votingCode = '';
  @state() private contact = '';
  @state() private oneTimeCode = '';
  @state() private sentTo = '';
  @state() private error?: { field: SignInField; message: string };
  @state() private busy = false;

  // A getter rather than @query: the decorator's module would otherwise ride in every element's entry.
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  #opener: HTMLElement | null = null;
  #resolve?: (identity: Identity | null) => void;
  #promise?: Promise<Identity | null>;
  #identity: Identity | null = null;
  #wantFocus = false;

  /** The campaign, only while the dialog is open and no `methods` were given. */
  private readonly campaignTask = this.load(
    () => [this.shown && !this.methods ? this.campaignId : undefined] as const,
    async (adapter, [id], signal) => (id ? adapter.getCampaign(id, { signal }) : null),
  );

  /** Whether the dialog is open now. */
  get isOpen(): boolean {
    return this.shown;
  }

  /**
   * Opens the dialog for an action. Resolves with the resident's identity once signed in, or null when
   * the resident closes the dialog. Calling it again while open returns the same promise.
   */
  open(action?: SignInAction): Promise<Identity | null> {
    if (action) this.action = action;
    if (this.#promise) return this.#promise;
    if (!this.isConnected) return Promise.resolve(null);
    this.#opener = deepActiveElement();
    this.#identity = null;
    this.#promise = new Promise<Identity | null>((resolve) => (this.#resolve = resolve));
    this.shown = true;
    this.#wantFocus = true;
    void this.updateComplete.then(() => {
      if (this.shown && this.dialog && !this.dialog.open) this.dialog.showModal();
      this.#focusField();
    });
    return this.#promise;
  }

  /** Closes the dialog; `open()` then resolves with null unless the resident signed in. */
  close(): void {
    this.dialog?.close();
    this.#closed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#closed();
  }

  /** After `close()`, Escape, or removal; a late `close` event of an earlier opening is ignored. */
  #closed = (): void => {
    if (!this.#promise || (this.isConnected && this.dialog?.open)) return;
    const resolve = this.#resolve;
    const identity = this.#identity;
    this.#promise = undefined;
    this.#resolve = undefined;
    this.shown = false;
    this.error = undefined;
    resolve?.(identity);
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  protected override updated(): void {
    if (this.#wantFocus) this.#focusField();
  }

  /** Puts focus in the first field once it is there. */
  #focusField(): void {
    if (!this.shown || !this.dialog?.open) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input');
    if (!input) return;
    this.#wantFocus = false;
    input.focus();
  }

  private get t(): SignInTerms {
    return this.terms(signInMessages);
  }

  /** The methods the dialog offers now. */
  get offeredMethods(): DialogMethod[] {
    const adapter = this.resolvedAdapter;
    if (!adapter) return [];
    const accepted = this.methods ?? this.campaignTask.value?.signIn[this.action] ?? adapter.capabilities.signIn;
    return dialogMethods(accepted, adapter.capabilities.signIn);
  }

  #method(offered: DialogMethod[]): DialogMethod | undefined {
    return this.chosen && offered.includes(this.chosen) ? this.chosen : offered[0];
  }

  #switchTo(method: DialogMethod): void {
    this.chosen = method;
    this.error = undefined;
    this.#wantFocus = true;
  }

  /** Runs one adapter call with an in-flight guard; a failure goes next to `field`, typed text stays. */
  async #attempt(field: SignInField, call: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      await call();
    } catch (e) {
      const error = this.report(e);
      this.error = { field, message: this.#explain(error, field) };
      this.#wantFocus = true;
    } finally {
      this.busy = false;
    }
  }

  #explain(error: VecheError, field: SignInField): string {
    const t = this.t;
    switch (error.code) {
      case 'unauthorized':
        return field === 'voting-code' ? t.wrongVotingCode : field === 'one-time-code' ? t.wrongOneTimeCode : this.describe(error);
      case 'rate-limited':
        return error.retryAfter
          ? t.rateLimited(formatRelative(new Date(Date.now() + error.retryAfter * 1000), new Date(), this.locale))
          : this.describe(error);
      case 'invalid-input':
        return field === 'contact' ? t.contactInvalid : t.codeTooShort;
      default:
        return this.describe(error);
    }
  }

  /** A local check before any call: empty or too short. */
  #invalid(field: SignInField, value: string): boolean {
    const t = this.t;
    const v = value.trim();
    let message: string | undefined;
    if (field === 'contact') message = !v ? t.contactRequired : normalizeContact(v) ? undefined : t.contactInvalid;
    else message = !v ? t.codeRequired : v.length < MIN_CODE ? t.codeTooShort : undefined;
    if (message) {
      this.error = { field, message };
      this.#wantFocus = true;
    }
    return message !== undefined;
  }

  #signedIn(identity: Identity): void {
    this.#identity = identity;
    this.votingCode = '';
    this.oneTimeCode = '';
    this.step = 'contact';
    this.emit('veche-sign-in', { identity });
    this.close();
  }

  #submitVotingCode = (e: Event): void => {
    e.preventDefault();
    const adapter = this.resolvedAdapter;
    if (!adapter || this.busy || this.#invalid('voting-code', this.votingCode)) return;
    void this.#attempt('voting-code', async () => {
      this.#signedIn(await adapter.signIn({ method: 'voting-code', code: this.votingCode.trim() }));
    });
  };

  #requestCode = (e?: Event): void => {
    e?.preventDefault();
    const adapter = this.resolvedAdapter;
    if (!adapter || this.busy || this.#invalid('contact', this.contact)) return;
    void this.#attempt(this.step === 'code' ? 'one-time-code' : 'contact', async () => {
      const receipt = await adapter.requestCode(this.contact.trim());
      this.sentTo = receipt.sentTo;
      this.step = 'code';
      this.#wantFocus = true;
    });
  };

  #submitOneTimeCode = (e: Event): void => {
    e.preventDefault();
    const adapter = this.resolvedAdapter;
    if (!adapter || this.busy || this.#invalid('one-time-code', this.oneTimeCode)) return;
    void this.#attempt('one-time-code', async () => {
      this.#signedIn(await adapter.signIn({ method: 'one-time-code', contact: this.contact.trim(), code: this.oneTimeCode.trim() }));
    });
  };

  #changeContact = (): void => {
    this.step = 'contact';
    this.error = undefined;
    this.#wantFocus = true;
  };

  protected override render() {
    const c = this.common;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="intro" @close=${this.#closed}>
      <div part="base" class="panel">
        <h2 id="title" part="title">${this.t.signInTitle}</h2>
        <p id="intro" class="muted">${this.t.signInIntro}</p>
        ${this.shown ? this.#content() : nothing}
        <div class="actions">
          <button class="button" type="button" part="cancel" @click=${() => this.close()}>${c.cancel}</button>
        </div>
      </div>
    </dialog>`;
  }

  #content(): unknown {
    // While the campaign (re)loads, its earlier answer must not pick the methods.
    if (!this.methods && this.campaignTask.status === TaskStatus.PENDING) return this.renderLoading();
    return this.renderTask(this.campaignTask, () => this.#body());
  }

  #body(): TemplateResult {
    const offered = this.offeredMethods;
    const method = this.#method(offered);
    if (!method) return html`<p class="alert" data-kind="info">${this.t.noMethods}</p>`;
    const other = offered.find((m) => m !== method);
    return html`
      ${method === 'voting-code' ? this.#votingCodeForm() : this.#oneTimeCodeForm()}
      ${other
        ? html`<button class="link link-button" type="button" part="switch" @click=${() => this.#switchTo(other)}>
            ${other === 'voting-code' ? this.t.useVotingCode : this.t.useOneTimeCode}
          </button>`
        : nothing}
    `;
  }

  #votingCodeForm(): TemplateResult {
    return this.#form(
      this.#submitVotingCode,
      this.#field('voting-code', this.t.votingCode, this.t.votingCodeHint, this.votingCode, (v) => (this.votingCode = v), {
        autocomplete: 'one-time-code',
        autocapitalize: 'characters',
      }),
      this.t.confirm,
    );
  }

  #oneTimeCodeForm(): TemplateResult {
    const t = this.t;
    if (this.step === 'contact') {
      return this.#form(
        this.#requestCode,
        this.#field('contact', this.t.contact, this.t.contactHint, this.contact, (v) => (this.contact = v), {
          autocomplete: 'email',
          inputmode: 'email',
        }),
        this.t.sendCode,
      );
    }
    return html`${this.#form(
        this.#submitOneTimeCode,
        html`<p class="alert" data-kind="info" role="status">${this.t.codeSent(this.sentTo)}</p>
          ${this.#field('one-time-code', this.t.oneTimeCode, t.enterCode, this.oneTimeCode, (v) => (this.oneTimeCode = v), {
            autocomplete: 'one-time-code',
            inputmode: 'numeric',
          })}`,
        this.t.confirm,
      )}
      <div class="row">
        <button class="link link-button" type="button" @click=${() => this.#requestCode()}>${t.sendAgain}</button>
        <button class="link link-button" type="button" @click=${this.#changeContact}>${t.changeContact}</button>
      </div>`;
  }

  /** One step of the dialog: its fields and the button that sends them (Enter in a field does too). */
  #form(onSubmit: (e: Event) => void, fields: TemplateResult, label: string): TemplateResult {
    return html`<form novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${onSubmit}>${fields} ${this.#submit(label)}</form>`;
  }

  #submit(label: string): TemplateResult {
    return html`<button class="button" data-variant="primary" type="submit" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.busy ? this.t.checking : label}
    </button>`;
  }

  #field(
    id: SignInField,
    label: string,
    hint: string,
    value: string,
    set: (value: string) => void,
    attrs: { autocomplete: string; inputmode?: string; autocapitalize?: string },
  ): TemplateResult {
    const error = this.error?.field === id ? this.error.message : undefined;
    return html`<div class="field" part="field">
      <label for=${id}>${label}</label>
      <p class="hint muted" id="${id}-hint">${hint}</p>
      <input
        id=${id}
        part="input"
        type="text"
        name=${id}
        spellcheck="false"
        autocomplete=${attrs.autocomplete}
        inputmode=${attrs.inputmode ?? 'text'}
        autocapitalize=${attrs.autocapitalize ?? 'off'}
        aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${value}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="field-error" part="error" id="${id}-error" role="alert">${error}</p>` : nothing}
    </div>`;
  }
}
