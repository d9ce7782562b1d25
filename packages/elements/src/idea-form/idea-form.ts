import {
  checkIdea,
  findPhase,
  formatDate,
  formatMoney,
  formatNumber,
  IMAGE_TYPES,
  normalizeContact,
  phaseState,
  pluralForm,
  sniffImage,
  VecheError,
  type Campaign,
  type IdeaInput,
  type IdeaReceipt,
  type PluralForms,
} from '@veche/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { VecheWidget } from '../base/veche-widget.ts';
import { errorTerms } from '../i18n/core.ts';
import { pageDefaults } from '../config/context.ts';
import { pageApi } from '../config/resolve-adapter.ts';
import { emptyDraft, readDraft, writeDraft, type Draft } from './draft.ts';
import { ideaFormMessages, type IdeaFormTerms } from './idea-form.i18n.ts';
import { ideaFormStyles } from './idea-form.styles.ts';
import { COUNTED_FIELDS, TEXT_FIELDS, type FieldId, type IdeaLocation, type IssueCode, type Photo, type TextField } from './idea-form.types.ts';

interface Loaded {
  campaign: Campaign;
  /** False when the campaign wants sign-in for ideas and the resident has not signed in. */
  signedIn: boolean;
}

interface Issue {
  code: IssueCode;
  text: string;
}

/** `''` holds a server complaint that names no field the form has. */
type IssueMap = Map<FieldId | '', Issue>;

const EMPTY: IssueMap = new Map();
const VALUE_MISSING = new Set<IssueCode>(['required', 'contact-required', 'consent-required', 'alt-required']);

const parseNumber = (value: string): number | undefined => (value.trim() ? Number(value.trim().replace(',', '.')) : undefined);

/**
 * A resident proposes an idea for the campaign: title, summary, description, category, district, cost,
 * place, photos with alt text, name and contact, and the separate 152-ФЗ consents, each unticked, with its
 * full text. What is typed is kept in localStorage on every change and restored; a failed submit keeps
 * everything. Errors show next to the fields and in a summary that takes focus. Outside the ideas phase it
 * says when ideas are accepted instead.
 *
 * Form-associated: inside a host `<form>` its value (under its `name`) is the idea as JSON (`IdeaInput`),
 * and its validity follows the same checks the server runs (`checkIdea`), so `form.checkValidity()` and
 * `:invalid` work; `:state(user-invalid)` is set once the resident has edited or tried to send it.
 *
 * @summary Submit an idea to a participatory budget.
 * @event veche-idea-submit - The idea went to moderation: `{ campaignId, id, status }`.
 * @event veche-error - Loading, an upload or sending failed: `{ code, message, error }`.
 * @event change - A field changed (the native `input` event crosses the shadow root by itself).
 * @slot location - A map picker (or any control) for the idea's place; it sets `location` on the form or
 * dispatches a bubbling `veche-location` event with `{ lat, lng, address? }`.
 * @csspart base - The wrapper of everything.
 * @csspart form - The `<form>`.
 * @csspart fieldset - Each group of fields.
 * @csspart field - A label, hint, error and input together.
 * @csspart label - A field's label.
 * @csspart hint - The hint under a label.
 * @csspart input - Every text input, textarea, select and the file picker.
 * @csspart counter - The character counter of title, summary and description.
 * @csspart error - A field's message, the upload notes and the send failure.
 * @csspart error-summary - The list of problems shown on submit.
 * @csspart photos - The list of photos; `photo` each item, `preview` its image.
 * @csspart consent - One consent: checkbox, label and its text in a `<details>`.
 * @csspart button - Every button; `submit` the send button.
 * @csspart notice - Phase and sign-in messages, and the restored-draft note (`draft`).
 * @csspart success - The confirmation after sending.
 * @cssproperty --veche-idea-form-gap - Space between fields (1.25em).
 * @cssproperty --veche-idea-form-field-bg - Background of inputs (the theme's background).
 * @cssproperty --veche-idea-form-invalid - Colour of errors and invalid fields (the theme's danger colour).
 */
export class VecheIdeaForm extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, ideaFormMessages];

  static override styles = [...VecheWidget.styles, ideaFormStyles];
  static override shadowRootOptions: ShadowRootInit = { ...VecheWidget.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  /** The field name under which a host `<form>` receives the idea (JSON). */
  @property({ reflect: true }) name?: string;

  /**
   * Separates the drafts of several forms for the same campaign on one page (the element's `id` is used
   * when this is not set). Drafts are kept per API address, campaign and this key.
   */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  @state() private draft: Omit<Draft, 'photos'> = emptyDraft();
  @state() private photos: Photo[] = [];
  @state() private consents: Record<string, boolean> = {};
  @state() private touched = new Set<string>();
  @state() private attempted = false;
  @state() private serverIssues: IssueMap = EMPTY;
  @state() private photoNotes: string[] = [];
  @state() private restored = false;
  @state() private busy = false;
  @state() private failure?: VecheError;
  @state() private receipt?: IdeaReceipt & { contact: string };
  @state() private disabled = false;

  readonly #internals = this.attachInternals();
  #storageKey?: string;
  #photoId = 0;
  #issues: IssueMap = EMPTY;
  /** Why the form is not shown (phase, sign-in), for the validity message. */
  #blocked?: string;

  readonly campaignTask = this.load(
    () => [this.campaignId] as const,
    async (adapter, [id], signal): Promise<Loaded> => {
      const campaign = await adapter.getCampaign(this.requireCampaign(id), { signal });
      // A custom adapter may skip the schema: refuse an answer the form cannot be built from.
      const { phases, ideaLimits, consents, districts, categories, signIn } = campaign ?? {};
      if (![phases, consents, districts, categories, signIn?.ideas].every(Array.isArray) || typeof ideaLimits?.title !== 'number') {
        throw new VecheError('invalid-response', 'The campaign lacks phases, idea limits, consents, districts, categories or sign-in rules');
      }
      if (campaign.signIn.ideas.length === 0) return { campaign, signedIn: true };
      const identity = await adapter.getIdentity({ signal });
      return { campaign, signedIn: !!identity && identity.campaigns[campaign.id]?.ideas !== false };
    },
  );

  constructor() {
    super();
    this.addEventListener('veche-location', (e) => (this.location = e.detail));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('veche-sign-in', this.#onSignIn);
    // The shared sign-in dialog is offered when the page has it (the bundle does; this entry alone does not).
    void customElements.whenDefined('veche-sign-in').then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('veche-sign-in', this.#onSignIn);
  }

  /** The place of the idea from the coordinate fields; setting it (e.g. from a map picker) fills them. */
  get location(): IdeaLocation | undefined {
    const c = this.#campaign;
    return c ? this.#payload(c).location : undefined;
  }

  /** Sets the point (and the district, when the picker knows it, e.g. `<veche-project-map mode="pick">`). */
  set location(value: IdeaLocation | undefined) {
    this.#edit({
      lat: value ? String(value.lat) : '',
      lng: value ? String(value.lng) : '',
      address: value?.address ?? this.draft.address,
      ...(value?.districtId ? { district: value.districtId } : {}),
    });
  }

  /** The idea as it would be sent now (an `IdeaInput`), or undefined before the campaign has loaded. */
  get idea(): IdeaInput | undefined {
    const c = this.#campaign;
    return c ? this.#payload(c) : undefined;
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Sends the idea as the send button does: shows the problems first if there are any. */
  submit(): Promise<void> {
    return this.#submit();
  }

  formResetCallback(): void {
    this.#reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  get #t(): IdeaFormTerms {
    return this.terms(ideaFormMessages);
  }

  get #campaign(): Campaign | undefined {
    return this.campaignTask.value?.campaign;
  }

  #count(n: number, forms: PluralForms): string {
    return `${formatNumber(n, this.locale)}\u00a0${pluralForm(this.locale, n, forms)}`;
  }

  /** Someone signed in (through this form's dialog or another element's): check again, and go on where it stopped. */
  #onSignIn = async (e: Event): Promise<void> => {
    const mine = e.composedPath().includes(this);
    const failed = this.failure?.code === 'unauthorized';
    await this.campaignTask.run();
    if (failed) this.failure = undefined;
    if (mine) void this.#focus(failed ? '[part~=submit]' : '#title');
  };

  /** The localStorage key of this form's draft: API address, campaign and draft key. */
  #key(): string | undefined {
    const campaign = this.campaignId;
    if (!campaign) return undefined;
    const api = this.api?.trim() || this.config?.api || pageApi() || pageDefaults().api || 'adapter';
    return `veche:idea-draft:${api}|${campaign}|${this.draftKey ?? this.id}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = this.#key();
    if (key && key !== this.#storageKey) {
      this.#storageKey = key;
      const stored = readDraft(key);
      this.#reset(false);
      if (stored) {
        const { photos, ...text } = stored;
        this.draft = text;
        this.photos = photos.map((p) => ({ ...p, id: ++this.#photoId, status: 'done', preview: p.url }));
        this.restored = true;
      }
    }
    const c = this.#campaign;
    this.#issues = c ? this.#check(c) : EMPTY;
  }

  protected override updated(): void {
    const internals = this.#internals;
    const c = this.#campaign;
    if (!c || this.#blocked !== undefined || this.receipt) {
      internals.setFormValue(null);
      internals.setValidity({ valueMissing: true }, this.#blocked ?? (this.receipt ? this.#t.sent : this.common.loading));
      return;
    }
    internals.setFormValue(JSON.stringify(this.#payload(c)));
    const first = [...this.#issues][0];
    if (first) {
      const [field, { code, text }] = first;
      const flag = VALUE_MISSING.has(code) ? 'valueMissing' : code === 'too-long' ? 'tooLong' : 'customError';
      const anchor = this.renderRoot.querySelector<HTMLElement>(`#${field}`) ?? undefined;
      internals.setValidity({ [flag]: true }, text, anchor);
    } else {
      internals.setValidity({});
    }
    const userInvalid = this.#issues.size > 0 && (this.attempted || [...this.#issues.keys()].some((f) => this.touched.has(f)));
    try {
      internals.states[userInvalid ? 'add' : 'delete']('user-invalid');
    } catch {
      // Browsers without CustomStateSet: the element still reports its validity.
    }
  }

  /** The idea as the adapter receives it. */
  #payload(c: Campaign): IdeaInput {
    const d = this.draft;
    const lat = parseNumber(d.lat);
    const lng = parseNumber(d.lng);
    const address = d.address.trim();
    const located = lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    const cost = d.cost.replace(/\s/g, '');
    const contact = normalizeContact(d.contact);
    const summary = d.summary.trim();
    const name = d.name.trim();
    return {
      title: d.title.trim(),
      // IdeaInput has no place without coordinates: an address alone goes into the description.
      description: d.description.trim() + (address && !located ? `\n\n${this.#t.addressInDescription}: ${address}` : ''),
      ...(summary ? { summary } : {}),
      ...(/^\d+$/.test(cost) ? { cost: Number(cost) } : {}),
      ...(d.district ? { districtId: d.district } : {}),
      categoryIds: d.category ? [d.category] : [],
      ...(located ? { location: { lat, lng, ...(address ? { address } : {}) } } : {}),
      images: this.photos
        .filter((p) => p.status === 'done')
        .map((p) => ({ url: p.url!, alt: p.alt.trim(), width: p.width!, height: p.height! })),
      author: {
        ...(name ? { name } : {}),
        ...(contact ? { [contact.includes('@') ? 'email' : 'phone']: contact } : {}),
      },
      consents: c.consents.map((k) => ({ kind: k.kind, version: k.version, accepted: !!this.consents[k.kind] })),
    };
  }

  #label(field: FieldId | ''): string {
    const t = this.#t;
    if (field.startsWith('consent-')) return t.consent[field.slice(8) as keyof IdeaFormTerms['consent']];
    if (field.startsWith('alt-')) return t.photoAlt(this.photos.findIndex((p) => `alt-${p.id}` === field) + 1);
    return field === 'photos' ? t.legend.photos : (t.label[field as TextField] ?? field);
  }

  #issue(field: FieldId | '', code: IssueCode, limit: number | string = ''): Issue {
    const c = this.#campaign;
    const shown =
      typeof limit === 'string'
        ? limit
        : code === 'too-long'
          ? this.#count(limit, this.#t.charsAtMost)
          : code === 'over-budget'
            ? formatMoney(limit, this.locale)
            : this.#count(limit, this.#t.photos);
    const label = this.#label(field);
    // A code this form does not know (a newer server) still gets a sentence.
    return c ? { code, text: this.#t.issue(code, label, shown) ?? this.#t.issue('invalid', label, shown) } : { code, text: '' };
  }

  /** Maps a field path of `checkIdea` or the server (`author.contact`, `images[1].alt`) to the form's field. */
  #fieldOf(path: string, c: Campaign): FieldId | undefined {
    const [head = '', second = '', third] = path.split(/[.[\]]+/);
    const done = this.photos.filter((p) => p.status === 'done');
    switch (head) {
      case 'consents': {
        const kind = /^\d+$/.test(second) ? c.consents[Number(second)]?.kind : second;
        return kind ? (`consent-${kind}` as FieldId) : undefined;
      }
      case 'categoryIds':
        return 'category';
      case 'districtId':
        return 'district';
      case 'location':
        return second === 'lng' || second === 'address' ? second : 'lat';
      case 'images': {
        const photo = third === 'alt' ? done[Number(second)] : undefined;
        return photo ? `alt-${photo.id}` : 'photos';
      }
      case 'author':
        return second === 'name' ? 'name' : 'contact';
    }
    return (TEXT_FIELDS as readonly string[]).includes(head) ? (head as TextField) : undefined;
  }

  /** Every problem of the idea as typed, in the order of the fields: the server's `checkIdea` and the form's own checks. */
  #check(c: Campaign): IssueMap {
    const d = this.draft;
    const out: IssueMap = new Map();
    const add = (field: FieldId, code: IssueCode, limit?: number | string) => {
      if (!out.has(field)) out.set(field, this.#issue(field, code, limit));
    };
    const payload = this.#payload(c);
    if (d.contact.trim() && !normalizeContact(d.contact)) add('contact', 'contact-format');
    for (const issue of checkIdea(c, payload)) {
      const field = this.#fieldOf(issue.field, c);
      if (field) add(field, issue.code, issue.limit);
    }
    if (d.cost.trim() && payload.cost === undefined) add('cost', 'cost-format');
    const coordinates = [
      ['lat', 90],
      ['lng', 180],
    ] as const;
    for (const [field, max] of coordinates) {
      const value = parseNumber(d[field]);
      if (value === undefined) {
        if (d.lat.trim() || d.lng.trim()) add(field, 'coordinates-pair');
      } else if (!(Math.abs(value) <= max)) add(field, 'coordinate', String(max));
    }
    if (d.address.trim().length > 300) add('address', 'too-long', 300);
    if (d.name.trim().length > 200) add('name', 'too-long', 200);
    if (this.photos.some((p) => p.status === 'uploading')) add('photos', 'uploading');
    if (this.photos.some((p) => p.status === 'failed')) add('photos', 'upload-failed');
    for (const p of this.photos) {
      if (!p.alt.trim()) add(`alt-${p.id}`, 'alt-required');
      else if (p.alt.trim().length > 300) add(`alt-${p.id}`, 'too-long', 300);
    }
    const order = this.#order(c);
    return new Map([...out].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  }

  /** The fields in the order they appear. */
  #order(c: Campaign): (FieldId | '')[] {
    return [
      ...TEXT_FIELDS.slice(0, 9),
      'photos',
      ...this.photos.map((p) => `alt-${p.id}` as const),
      'name',
      'contact',
      ...c.consents.map((k) => `consent-${k.kind}` as const),
    ];
  }

  /** The problems to show now: those of fields the resident changed (all after a submit), and the server's. */
  #shown(c: Campaign): IssueMap {
    const out: IssueMap = new Map();
    for (const [field, issue] of this.#issues) if (this.attempted || this.touched.has(field)) out.set(field, issue);
    for (const [field, issue] of this.serverIssues) if (!out.has(field)) out.set(field, issue);
    const order = this.#order(c);
    const rank = (f: FieldId | '') => (f === '' ? Infinity : order.indexOf(f));
    return new Map([...out].sort(([a], [b]) => rank(a) - rank(b)));
  }

  /** Updates typed text, keeps the draft and forgets the server's complaint about that field. */
  #edit(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.#forget(Object.keys(patch));
    this.#save();
  }

  #forget(fields: string[]): void {
    if (fields.some((f) => this.serverIssues.has(f as FieldId))) {
      this.serverIssues = new Map([...this.serverIssues].filter(([f]) => !fields.includes(f)));
    }
  }

  #save(): void {
    if (!this.#storageKey) return;
    const photos = this.photos
      .filter((p) => p.status === 'done')
      .map((p) => ({ url: p.url!, width: p.width!, height: p.height!, alt: p.alt }));
    writeDraft(this.#storageKey, { ...this.draft, photos });
  }

  /** Empties the form; `forget` also drops the stored draft. */
  #reset(forget = true): void {
    if (forget && this.#storageKey) writeDraft(this.#storageKey, undefined);
    for (const p of this.photos) if (p.preview !== p.url) URL.revokeObjectURL(p.preview);
    this.draft = emptyDraft();
    this.photos = [];
    this.consents = {};
    this.touched = new Set();
    this.attempted = false;
    this.serverIssues = EMPTY;
    this.photoNotes = [];
    this.restored = false;
    this.failure = undefined;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #onInput = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    const name = el.name;
    if (!name || el.type === 'file') return;
    if (name.startsWith('consent-')) {
      this.consents = { ...this.consents, [name.slice(8)]: el.checked };
      this.#forget([name]);
    } else if (name.startsWith('alt-')) {
      this.photos = this.photos.map((p) => (`alt-${p.id}` === name ? { ...p, alt: el.value } : p));
      this.#forget([name]);
      this.#save();
    } else {
      this.#edit({ [name]: el.value });
      this.#announceLength(name);
    }
  };

  #onChange = (e: Event): void => {
    const name = (e.target as HTMLInputElement).name;
    if (name) this.touched = new Set(this.touched).add(name);
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  /** Near the limit (the last tenth, at least 10 characters), says politely how many are left. */
  #announceLength(name: string): void {
    const c = this.#campaign;
    if (!c || !(COUNTED_FIELDS as readonly string[]).includes(name)) return;
    const limit = c.ideaLimits[name as 'title'];
    const left = limit - this.draft[name as 'title'].trim().length;
    if (left > Math.max(10, limit / 10)) return;
    const t = this.#t;
    this.announcement = left >= 0 ? t.left(this.#count(left, t.chars)) : t.over(this.#count(-left, t.chars));
  }

  #onFiles = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const c = this.#campaign;
    if (!c || files.length === 0) return;
    const t = this.#t;
    const { photos: max, photoBytes } = c.ideaLimits;
    const notes: string[] = [];
    for (const file of files) {
      if (this.photos.length >= max) {
        notes.push(t.tooManyPhotos(this.#count(max, t.photos)));
        break;
      }
      if (file.size > photoBytes) {
        notes.push(t.tooBig(file.name, this.#megabytes(photoBytes)));
        continue;
      }
      // The real type from the bytes, whatever the name or the stated type say.
      const info = sniffImage(new Uint8Array(await file.slice(0, 65_536).arrayBuffer()));
      if (!info) {
        notes.push(t.notImage(file.name));
        continue;
      }
      const blob = file.type === info.type ? file : new Blob([file], { type: info.type });
      const photo: Photo = { id: ++this.#photoId, status: 'uploading', alt: '', preview: URL.createObjectURL(blob), file: blob, name: file.name };
      this.photos = [...this.photos, photo];
      void this.#upload(photo);
    }
    this.photoNotes = notes;
    this.#forget(['photos']);
    if (notes.length) this.announcement = notes.join(' ');
  };

  #megabytes(bytes: number): string {
    return this.#t.megabytes(formatNumber(bytes / 1e6, this.locale, 1));
  }

  #setPhoto(id: number, patch: Partial<Photo>): void {
    this.photos = this.photos.map((p) => (p.id === id ? { ...p, ...patch } : p));
  }

  async #upload(photo: Photo): Promise<void> {
    const adapter = this.resolvedAdapter;
    const c = this.#campaign;
    if (!adapter || !c || !photo.file) return;
    const t = this.#t;
    this.#setPhoto(photo.id, { status: 'uploading', error: undefined });
    try {
      const stored = await adapter.uploadImage(c.id, photo.file);
      this.#setPhoto(photo.id, { status: 'done', url: stored.url, width: stored.width, height: stored.height, file: undefined });
      this.#save();
    } catch (error) {
      const e = this.report(error);
      const name = photo.name ?? '';
      const reason =
        e.status === 413 ? t.tooBig(name, this.#megabytes(c.ideaLimits.photoBytes)) : e.status === 415 ? t.notImage(name) : this.describe(e);
      this.#setPhoto(photo.id, { status: 'failed', error: reason });
      this.announcement = t.uploadFailed(reason);
    }
  }

  #removePhoto(photo: Photo): void {
    if (photo.preview !== photo.url) URL.revokeObjectURL(photo.preview);
    this.photos = this.photos.filter((p) => p !== photo);
    this.#forget(['photos', `alt-${photo.id}`]);
    this.#save();
    void this.#focus('#photos');
  }

  #onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.#submit();
  };

  async #submit(): Promise<void> {
    const adapter = this.resolvedAdapter;
    const c = this.#campaign;
    if (this.busy || !adapter || !c || this.#blocked !== undefined || this.receipt) return;
    this.attempted = true;
    this.failure = undefined;
    if (this.#issues.size > 0) return this.#focus('#error-summary');
    this.busy = true;
    this.serverIssues = EMPTY;
    const contact = this.draft.contact.trim();
    try {
      const receipt = await adapter.submitIdea(c.id, this.#payload(c), { idempotencyKey: this.draft.key });
      this.#reset();
      this.receipt = { ...receipt, contact };
      const t = this.#t;
      this.announcement = `${t.sent}. ${t.ideaId(receipt.id)}`;
      this.emit('veche-idea-submit', { campaignId: c.id, id: receipt.id, status: receipt.status });
      await this.#focus('#done');
    } catch (error) {
      const e = this.report(error);
      const issues = e.details?.['issues'];
      const mapped: IssueMap = new Map();
      if (Array.isArray(issues)) {
        for (const raw of issues as { field?: unknown; code?: unknown; limit?: unknown }[]) {
          const field = typeof raw?.field === 'string' ? this.#fieldOf(raw.field, c) : undefined;
          const code = typeof raw?.code === 'string' ? (raw.code as IssueCode) : 'invalid';
          const limit = typeof raw?.limit === 'number' ? raw.limit : undefined;
          if (!mapped.has(field ?? '')) mapped.set(field ?? '', field ? this.#issue(field, code, limit) : { code, text: this.table(errorTerms)['invalid-input'] });
        }
      }
      if (mapped.size > 0) {
        this.serverIssues = mapped;
        await this.#focus('#error-summary');
      } else {
        this.failure = e;
      }
    } finally {
      this.busy = false;
    }
  }

  #clearDraft = (): void => {
    this.#reset();
    this.announcement = this.#t.draftCleared;
    void this.#focus('#title');
  };

  #another = (): void => {
    this.receipt = undefined;
    void this.#focus('#title');
  };

  #jump(e: Event, field: FieldId): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  protected override render() {
    return html`<div part="base">
      <h2>${this.#t.heading}</h2>
      ${this.renderTask(this.campaignTask, (loaded) => this.#renderLoaded(loaded))} ${this.renderLive()}
    </div>`;
  }

  #notice(text: string): TemplateResult {
    this.#blocked = text;
    return html`<p part="notice" class="alert" data-kind="info">${text}</p>`;
  }

  #renderLoaded({ campaign: c, signedIn }: Loaded): unknown {
    const t = this.#t;
    const phase = findPhase(c, 'ideas');
    const when = phaseState(c, 'ideas');
    const date = (iso: string) => formatDate(iso, this.locale);
    if (!phase || when === 'absent') return this.#notice(t.absent);
    if (when === 'upcoming') return this.#notice(t.opens(date(phase.start), date(phase.end)));
    if (when === 'closed') return this.#notice(t.closed(date(phase.end)));
    if (!signedIn) {
      return html`${this.#notice(t.signInNeeded)}
        <div class="actions">${this.#signIn(c)}</div>`;
    }
    this.#blocked = undefined;
    if (this.receipt) return this.#renderSuccess(this.receipt);
    return this.#renderForm(c);
  }

  /** A button that opens `<veche-sign-in>` with the methods the campaign accepts for ideas, when the page defines it. */
  #signIn(c: Campaign): unknown {
    if (!customElements.get('veche-sign-in')) return nothing;
    const open = () => void this.renderRoot.querySelector<HTMLElement & { open(): Promise<unknown> }>('veche-sign-in')?.open();
    return html`<button type="button" class="button" part="button" data-variant="primary" @click=${open}>${this.common.signIn}</button>
      <veche-sign-in .adapter=${this.resolvedAdapter} campaign=${c.id} .methods=${c.signIn.ideas}></veche-sign-in>`;
  }

  #renderSuccess(receipt: IdeaReceipt & { contact: string }): TemplateResult {
    const t = this.#t;
    return html`<div part="success" class="alert" data-kind="success">
      <h3 id="done" tabindex="-1">${t.sent}</h3>
      <p>${t.ideaId(receipt.id)}</p>
      <p>${t.next} ${receipt.contact ? t.nextContact(receipt.contact) : nothing}</p>
      <div class="actions">
        <button type="button" class="button" part="button" @click=${this.#another}>${t.another}</button>
      </div>
    </div>`;
  }

  #renderForm(c: Campaign): TemplateResult {
    const t = this.#t;
    const shown = this.#shown(c);
    const limits = c.ideaLimits;
    const full = this.photos.length >= limits.photos;
    const cost = this.#payload(c).cost;
    return html`<form part="form" novalidate @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onChange}>
      ${this.restored
        ? html`<div part="notice draft" class="alert actions" data-kind="info">
            <p>${t.draftRestored} ${c.consents.length ? t.consentsAgain : nothing}</p>
            <button type="button" class="button" part="button" ?disabled=${this.disabled} @click=${this.#clearDraft}>${t.clearDraft}</button>
          </div>`
        : nothing}
      ${this.attempted && shown.size > 0
        ? html`<div part="error-summary" class="alert" id="error-summary" tabindex="-1" role="group" aria-labelledby="error-summary-title">
            <h3 id="error-summary-title">${t.summaryTitle(this.#count(shown.size, t.problems))}</h3>
            <ul>
              ${[...shown].map(
                ([field, issue]) =>
                  html`<li>${field ? html`<a href="#${field}" @click=${(e: Event) => this.#jump(e, field)}>${issue.text}</a>` : issue.text}</li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <fieldset part="fieldset" ?disabled=${this.disabled}>
        <legend>${t.legend.idea}</legend>
        ${this.#text(shown, 'title', { required: true, limit: limits.title })}
        ${this.#text(shown, 'summary', { area: true, limit: limits.summary })}
        ${this.#text(shown, 'description', { area: true, required: true, limit: limits.description })}
        ${c.categories.length ? this.#select(shown, 'category', c.categories, t.noChoice.category) : nothing}
        ${c.districts.length ? this.#select(shown, 'district', c.districts, t.noChoice.district) : nothing}
        ${this.#text(shown, 'cost', { mode: 'numeric', hint: cost !== undefined ? formatMoney(cost, this.locale) : undefined })}
      </fieldset>
      <fieldset part="fieldset" ?disabled=${this.disabled}>
        <legend>${t.legend.place}</legend>
        ${this.#text(shown, 'address', { auto: 'street-address' })}
        <slot name="location"></slot>
        <div class="coords">${this.#text(shown, 'lat', { mode: 'decimal' })} ${this.#text(shown, 'lng', { mode: 'decimal' })}</div>
      </fieldset>
      <fieldset part="fieldset" ?disabled=${this.disabled}>
        <legend>${t.legend.photos}</legend>
        ${this.#field(
          shown,
          'photos',
          t.label.photos,
          (described, invalid) =>
            html`<input
              part="input"
              type="file"
              id="photos"
              name="photos"
              accept=${IMAGE_TYPES.join(',')}
              multiple
              ?disabled=${full}
              aria-describedby=${ifDefined(described)}
              aria-invalid=${invalid}
              @change=${this.#onFiles}
            />`,
          {
            hint: t.photosHint(this.#count(limits.photos, t.photos), this.#megabytes(limits.photoBytes)),
            notes: this.photoNotes,
          },
        )}
        ${this.photos.length ? html`<ul part="photos">${this.photos.map((p, i) => this.#renderPhoto(shown, p, i + 1))}</ul>` : nothing}
      </fieldset>
      <fieldset part="fieldset" ?disabled=${this.disabled}>
        <legend>${t.legend.author}</legend>
        ${this.#text(shown, 'name', { auto: 'name' })} ${this.#text(shown, 'contact', { required: true, auto: 'email' })}
      </fieldset>
      ${c.consents.length
        ? html`<fieldset part="fieldset" ?disabled=${this.disabled}>
            <legend>${t.legend.consents}</legend>
            ${c.consents.map((k) => {
              const id = `consent-${k.kind}` as const;
              const error = shown.get(id)?.text;
              return html`<div part="consent">
                <label class="check" part="label">
                  <input
                    type="checkbox"
                    id=${id}
                    name=${id}
                    .checked=${!!this.consents[k.kind]}
                    ?required=${k.required}
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
                  />
                  <span>${t.consent[k.kind]}${k.required ? html` <span class="muted">${t.required}</span>` : nothing}</span>
                </label>
                ${error ? html`<p part="error" class="error" id="${id}-error">${error}</p>` : nothing}
                <details>
                  <summary>${t.consentText}</summary>
                  <p>${k.text}</p>
                  <p class="muted">${t.consentVersion(k.version)}</p>
                </details>
              </div>`;
            })}
          </fieldset>`
        : nothing}
      ${this.failure
        ? html`<div part="error" class="alert" role="alert">
            <p>${t.notSent(this.describe(this.failure))}</p>
            <p>${t.kept}</p>
            ${this.failure.code === 'unauthorized' ? this.#signIn(c) : nothing}
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="button" part="button submit" data-variant="primary" ?disabled=${this.disabled} aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.submitting : t.submit}
        </button>
      </div>
    </form>`;
  }

  #renderPhoto(shown: IssueMap, p: Photo, n: number): TemplateResult {
    const t = this.#t;
    const id = `alt-${p.id}` as const;
    const status = p.status === 'done' ? t.uploaded : p.status === 'uploading' ? t.uploading : t.uploadFailed(p.error ?? '');
    return html`<li part="photo">
      <img part="preview" src=${p.preview} alt=${t.photoPreview(n)} />
      <p class=${p.status === 'failed' ? 'error' : 'muted'}>${status}</p>
      ${this.#field(
        shown,
        id,
        t.photoAlt(n),
        (described, invalid) =>
          html`<input part="input" id=${id} name=${id} .value=${p.alt} required aria-describedby=${ifDefined(described)} aria-invalid=${invalid} />`,
        { required: true, hint: t.photoAltHint },
      )}
      <div class="actions">
        ${p.status === 'failed'
          ? html`<button type="button" class="button" part="button" @click=${() => void this.#upload(p)}>${t.retryPhoto(n)}</button>`
          : nothing}
        <button type="button" class="button" part="button" @click=${() => this.#removePhoto(p)}>${t.removePhoto(n)}</button>
      </div>
    </li>`;
  }

  /** A label, hint, error and control, wired with `aria-describedby` and `aria-invalid`. */
  #field(
    shown: IssueMap,
    id: FieldId,
    label: string,
    control: (described: string | undefined, invalid: 'true' | 'false') => TemplateResult,
    options: { required?: boolean; hint?: string | undefined; counter?: TemplateResult; notes?: string[] },
  ): TemplateResult {
    const error = [shown.get(id)?.text, ...(options.notes ?? [])].filter(Boolean).join(' ');
    const described = [options.hint && `${id}-hint`, error && `${id}-error`, options.counter && `${id}-count`].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label part="label" for=${id}>${label}${options.required ? html` <span class="muted">${this.#t.required}</span>` : nothing}</label>
      ${options.hint ? html`<p part="hint" class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
      ${error ? html`<p part="error" class="error" id="${id}-error">${error}</p>` : nothing}
      ${control(described || undefined, shown.has(id) ? 'true' : 'false')} ${options.counter ?? nothing}
    </div>`;
  }

  #text(
    shown: IssueMap,
    id: TextField,
    options: { area?: boolean; required?: boolean; limit?: number; mode?: 'numeric' | 'decimal'; auto?: string; hint?: string | undefined },
  ): TemplateResult {
    const value = this.draft[id];
    const { limit } = options;
    const length = value.trim().length;
    const counter =
      limit === undefined
        ? undefined
        : html`<p part="counter" id="${id}-count" ?data-near=${limit - length <= Math.max(10, limit / 10)}>
            ${this.#t.counter(formatNumber(length, this.locale), formatNumber(limit, this.locale))}
          </p>`;
    return this.#field(
      shown,
      id,
      this.#t.label[id],
      (described, invalid) =>
        options.area
          ? html`<textarea
              part="input"
              id=${id}
              name=${id}
              rows="4"
              .value=${value}
              ?required=${options.required}
              aria-describedby=${ifDefined(described)}
              aria-invalid=${invalid}
            ></textarea>`
          : html`<input
              part="input"
              id=${id}
              name=${id}
              .value=${value}
              inputmode=${ifDefined(options.mode)}
              autocomplete=${options.auto ?? 'off'}
              ?required=${options.required}
              aria-describedby=${ifDefined(described)}
              aria-invalid=${invalid}
            />`,
      { required: options.required, hint: options.hint ?? this.#t.hint[id], counter },
    );
  }

  #select(shown: IssueMap, id: 'category' | 'district', items: readonly { id: string; name: string }[], none: string): TemplateResult {
    const value = this.draft[id];
    return this.#field(
      shown,
      id,
      this.#t.label[id],
      (described, invalid) =>
        html`<select part="input" id=${id} name=${id} aria-describedby=${ifDefined(described)} aria-invalid=${invalid}>
          <option value="" ?selected=${!value}>${none}</option>
          ${items.map((item) => html`<option value=${item.id} ?selected=${value === item.id}>${item.name}</option>`)}
        </select>`,
      {},
    );
  }
}

