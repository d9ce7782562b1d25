import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state as litState } from 'lit/decorators.js';
import { ApiError, api, token } from '../api.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { StaffView } from '../types.ts';

/**
 * Sign-in (e-mail, password, then the authenticator's code when the second factor is on) and, after a
 * one-time password, the new password the staff member must choose before anything else.
 */
@customElement('veche-admin-sign-in')
export class AdminSignIn extends Screen {
  @property({ type: Boolean }) expired = false;
  @litState() private needsCode = false;

  override render(): TemplateResult {
    const me = state.me;
    return me?.mustChangePassword ? this.renderChange() : this.renderSignIn();
  }

  private renderSignIn(): TemplateResult {
    const t = this.t.signIn;
    return html`
      <h1>${t.title}</h1>
      ${this.expired ? html`<p class="alert" data-kind="info">${t.expired}</p>` : nothing}
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="email">${t.email}</label>
          <input id="email" name="email" type="email" autocomplete="username" required />
        </div>
        <div class="field">
          <label for="password">${t.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        ${this.needsCode
          ? html`<div class="field">
              <label for="code">${t.code}</label>
              <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required aria-describedby="code-hint" />
              <span class="hint" id="code-hint">${t.codeHint}</span>
            </div>`
          : nothing}
        ${this.renderError()}
        <div class="actions">
          <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.submit}</button>
        </div>
      </form>
      <p class="hint">${t.firstTime}</p>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const body = {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      ...(this.needsCode ? { code: String(form.get('code') ?? '') } : {}),
    };
    this.busy = true;
    this.error = undefined;
    try {
      const signed = await api<{ token: string; staff: StaffView }>('POST', '/staff/sign-in', body);
      token.set(signed.token);
      state.me = signed.staff;
      this.dispatchEvent(new Event('signed-in', { bubbles: true, composed: true }));
      state.announce(this.t.signIn.welcome(signed.staff.name));
      state.changed();
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError('network', String(error), 0);
      if (e.details['totp'] === true && !this.needsCode) {
        this.needsCode = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
        state.announce(this.t.signIn.codeNeeded);
      } else {
        this.error = e;
        state.announce(this.describe(e), 'error');
      }
    } finally {
      this.busy = false;
    }
  }

  private renderChange(): TemplateResult {
    const t = this.t.signIn;
    return html`
      <h1>${t.changeTitle}</h1>
      <p>${t.changeIntro}</p>
      <form @submit=${this.change} novalidate>
        <div class="field">
          <label for="current">${t.current}</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for="next">${t.next}</label>
          <input id="next" name="next" type="password" autocomplete="new-password" minlength="10" required aria-describedby="next-hint ${this.issue('next') ? 'next-issue' : ''}" />
          <span class="hint" id="next-hint">${t.nextHint}</span>
          ${this.renderIssue('next', 'next')}
        </div>
        <div class="field">
          <label for="repeat">${t.repeat}</label>
          <input id="repeat" name="repeat" type="password" autocomplete="new-password" required />
        </div>
        ${this.renderError()}
        <div class="actions">
          <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.changeSubmit}</button>
        </div>
      </form>
    `;
  }

  private async change(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const next = String(form.get('next') ?? '');
    if (next !== String(form.get('repeat') ?? '')) {
      this.error = new ApiError('invalid-input', this.t.signIn.mismatch, 400, { issues: [{ field: 'next', message: this.t.signIn.mismatch }] });
      state.announce(this.t.signIn.mismatch, 'error');
      return;
    }
    const me = await this.run(() => api<StaffView>('PUT', '/staff/me/password', { current: String(form.get('current') ?? ''), next }), this.t.signIn.changed);
    if (me) {
      state.me = me;
      state.changed();
    }
  }
}
