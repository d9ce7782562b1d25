import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api, token } from '../api.ts';
import { qrCode } from '../qr.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { StaffView } from '../types.ts';

/** One's own account: a new password, the second factor (QR code for the app), sign-out everywhere. */
@customElement('veche-admin-account')
export class AdminAccount extends Screen {
  @litState() private setup: { secret: string; uri: string } | undefined;

  override render(): TemplateResult {
    const t = this.t.account;
    const me = state.me!;
    return html`
      <h1>${t.title}</h1>
      ${this.renderError()}
      <section class="card" aria-labelledby="who">
        <h2 id="who">${me.name}</h2>
        <p>${me.email} · ${this.t.roles[me.role]}</p>
      </section>

      <section class="card" aria-labelledby="pw">
        <h2 id="pw">${t.password}</h2>
        <form @submit=${this.changePassword}>
          <div class="grid">
            <div class="field"><label for="current">${this.t.signIn.current}</label><input id="current" name="current" type="password" autocomplete="current-password" required /></div>
            <div class="field">
              <label for="next">${this.t.signIn.next}</label>
              <input id="next" name="next" type="password" autocomplete="new-password" minlength="10" required aria-describedby="next-hint" />
              <span class="hint" id="next-hint">${this.t.signIn.nextHint}</span>
            </div>
          </div>
          <button class="button" type="submit" ?disabled=${this.busy}>${this.t.signIn.changeSubmit}</button>
        </form>
      </section>

      <section class="card" aria-labelledby="totp">
        <h2 id="totp">${t.totp}</h2>
        <p>${me.totp ? html`<span class="badge" data-kind="ok">${t.totpOn}</span>` : html`<span class="badge" data-kind="warn">${t.totpOff}</span>`} ${t.totpWhy}</p>
        ${me.totp ? this.renderTotpOff() : this.setup ? this.renderTotpSetup(this.setup) : html`<button class="button" type="button" @click=${this.beginTotp} ?disabled=${this.busy}>${t.totpBegin}</button>`}
      </section>

      <section class="card" aria-labelledby="everywhere">
        <h2 id="everywhere">${t.everywhere}</h2>
        <p>${t.everywhereHint}</p>
        <button class="button" data-variant="danger" type="button" @click=${this.signOutEverywhere} ?disabled=${this.busy}>${t.everywhereButton}</button>
      </section>
    `;
  }

  private renderTotpSetup(setup: { secret: string; uri: string }): TemplateResult {
    const t = this.t.account;
    return html`
      <ol>
        <li>${t.step1}</li>
        <li>
          ${t.step2}
          <div>${qrCode(setup.uri, t.qrLabel, 200)}</div>
          <p>${t.manual} <code id="secret">${setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
        </li>
        <li>
          <form @submit=${this.confirmTotp}>
            <div class="field">
              <label for="totp-code">${t.step3}</label>
              <input id="totp-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required />
            </div>
            <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.totpConfirm}</button>
          </form>
        </li>
      </ol>
    `;
  }

  private renderTotpOff(): TemplateResult {
    const t = this.t.account;
    return html`<form @submit=${this.disableTotp}>
      <div class="field">
        <label for="off-code">${t.offCode}</label>
        <input id="off-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required />
      </div>
      <button class="button" data-variant="danger" type="submit" ?disabled=${this.busy}>${t.totpDisable}</button>
    </form>${nothing}`;
  }

  private async changePassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const me = await this.run(() => api<StaffView>('PUT', '/staff/me/password', { current: data.get('current'), next: data.get('next') }), this.t.signIn.changed);
    if (me) {
      form.reset();
      state.me = { ...state.me!, ...me };
    }
  }

  private async beginTotp(): Promise<void> {
    this.setup = await this.run(() => api<{ secret: string; uri: string }>('POST', '/staff/me/totp'));
  }

  private async confirmTotp(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = new FormData(event.target as HTMLFormElement).get('code');
    const me = await this.run(() => api<StaffView>('POST', '/staff/me/totp/confirm', { code }), this.t.account.totpDone);
    if (me) {
      this.setup = undefined;
      state.me = { ...state.me!, ...me };
      state.changed();
    }
  }

  private async disableTotp(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = new FormData(event.target as HTMLFormElement).get('code');
    const me = await this.run(() => api<StaffView>('POST', '/staff/me/totp/disable', { code }), this.t.account.totpOffDone);
    if (me) {
      state.me = { ...state.me!, ...me };
      state.changed();
    }
  }

  private async signOutEverywhere(): Promise<void> {
    if (!confirm(this.t.account.everywhereConfirm)) return;
    const done = await this.run(() => api('DELETE', '/staff/sessions'));
    if (done) {
      token.clear();
      state.me = null;
      state.announce(this.t.app.signedOut);
      state.changed();
    }
  }
}
