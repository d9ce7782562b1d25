import { formatDate } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api } from '../api.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { Role, StaffView } from '../types.ts';

const ROLES: Role[] = ['administrator', 'moderator', 'viewer'];

/** Staff accounts (administrators only): add with a one-time password, roles, disable, reset, sign out everywhere. */
@customElement('veche-admin-staff')
export class AdminStaff extends Screen {
  @litState() private staff: StaffView[] | undefined;
  @litState() private secret: { email: string; password: string } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.staff = await this.run(() => api<StaffView[]>('GET', '/admin/staff'));
  }

  override render(): TemplateResult {
    const t = this.t.staff;
    return html`
      <h1>${t.title}</h1>
      ${this.renderError()}
      ${this.secret
        ? html`<div class="alert" data-kind="success" role="alert">
            <p>${t.oneTime(this.secret.email)}</p>
            <p><code id="one-time">${this.secret.password}</code></p>
            <p>${t.oneTimeHint}</p>
            <button class="button" type="button" @click=${() => (this.secret = undefined)}>${t.hideSecret}</button>
          </div>`
        : nothing}
      <form class="card" @submit=${this.add} aria-labelledby="add-title">
        <h2 id="add-title">${t.add}</h2>
        <div class="row">
          <div class="field"><label for="s-email">${t.email}</label><input id="s-email" name="email" type="email" required autocomplete="off" /></div>
          <div class="field"><label for="s-name">${t.name}</label><input id="s-name" name="name" required autocomplete="off" /></div>
          <div class="field"><label for="s-role">${t.role}</label><select id="s-role" name="role">${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'moderator'}>${this.t.roles[r]}</option>`)}</select></div>
          <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.addButton}</button>
        </div>
        <p class="hint">${t.rolesHint}</p>
      </form>
      ${this.staff === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : html`<div class="table-wrap"><table>
            <caption class="sr-only">${t.title}</caption>
            <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.role}</th><th scope="col">${t.state}</th><th scope="col">${t.actions}</th></tr></thead>
            <tbody>${this.staff.map((s) => this.renderRow(s))}</tbody>
          </table></div>`}
    `;
  }

  private renderRow(s: StaffView): TemplateResult {
    const t = this.t.staff;
    const self = s.id === state.me?.id;
    return html`<tr>
      <th scope="row">${s.name}<div class="hint">${s.email}</div></th>
      <td>
        <label class="sr-only" for=${`role-${s.id}`}>${t.roleOf(s.name)}</label>
        <select id=${`role-${s.id}`} ?disabled=${self} @change=${(e: Event) => void this.change(s, { role: (e.target as HTMLSelectElement).value })}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${s.role === r}>${this.t.roles[r]}</option>`)}
        </select>
      </td>
      <td>
        ${s.disabled ? html`<span class="badge" data-kind="warn">${t.disabled}</span>` : html`<span class="badge" data-kind="ok">${t.active}</span>`}
        ${s.totp ? html`<span class="badge">${t.totp}</span>` : nothing}
        ${s.mustChangePassword ? html`<span class="badge">${t.oneTimePending}</span>` : nothing}
        <div class="hint">${s.lastSignInAt ? t.lastSignIn(formatDate(s.lastSignInAt, state.locale, 'datetime')) : t.never}</div>
      </td>
      <td><div class="actions" style="margin:0">
        ${self
          ? html`<span class="hint">${t.you}</span>`
          : html`<button class="button" data-size="small" type="button" @click=${() => void this.change(s, { disabled: !s.disabled })}>${s.disabled ? t.enable : t.disable}<span class="sr-only"> ${s.name}</span></button>
              <button class="button" data-size="small" type="button" @click=${() => void this.reset(s)}>${t.reset}<span class="sr-only"> ${s.name}</span></button>
              ${s.totp ? html`<button class="button" data-size="small" type="button" @click=${() => void this.totpOff(s)}>${t.totpOff}<span class="sr-only"> ${s.name}</span></button>` : nothing}
              <button class="button" data-size="small" type="button" @click=${() => void this.signOut(s)}>${t.signOut}<span class="sr-only"> ${s.name}</span></button>`}
      </div></td>
    </tr>`;
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = Object.fromEntries(new FormData(form).entries());
    const added = await this.run(() => api<{ staff: StaffView; password?: string }>('POST', '/admin/staff', data), this.t.staff.added);
    if (added) {
      form.reset();
      if (added.password) this.secret = { email: added.staff.email, password: added.password };
      await this.load();
    }
  }

  private async change(s: StaffView, change: Record<string, unknown>): Promise<void> {
    if (await this.run(() => api('PUT', `/admin/staff/${s.id}`, change), this.t.staff.updated)) await this.load();
    else await this.load();
  }

  private async reset(s: StaffView): Promise<void> {
    if (!confirm(this.t.staff.confirmReset(s.name))) return;
    const done = await this.run(() => api<{ password: string }>('POST', `/admin/staff/${s.id}/password-reset`));
    if (done) {
      this.secret = { email: s.email, password: done.password };
      await this.load();
    }
  }

  private async totpOff(s: StaffView): Promise<void> {
    if (!confirm(this.t.staff.confirmTotp(s.name))) return;
    if (await this.run(() => api('POST', `/admin/staff/${s.id}/totp-reset`), this.t.staff.updated)) await this.load();
  }

  private async signOut(s: StaffView): Promise<void> {
    const done = await this.run(() => api<{ ended: number }>('DELETE', `/admin/staff/${s.id}/sessions`));
    if (done) state.announce(this.t.staff.signedOut(s.name, done.ended));
  }
}
