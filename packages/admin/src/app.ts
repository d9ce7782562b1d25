import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { keyed as litKeyed } from 'lit/directives/keyed.js';
import { shared } from '@veche/elements/styles/shared';
import { tokens } from '@veche/elements/styles/tokens';
import { ApiError, api, onExpired, token } from './api.ts';
import { applyTheme, navigate, state } from './state.ts';
import { consoleStyles } from './styles.ts';
import type { StaffView } from './types.ts';

interface Route {
  screen: string;
  campaignId?: string;
}

/** `#/c/demo/ideas` → { screen: 'ideas', campaignId: 'demo' }. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'c' && parts[1]) return { screen: parts[2] ?? 'settings', campaignId: parts[1] };
  return { screen: parts[0] ?? 'campaigns' };
}

const CAMPAIGN_SCREENS = ['settings', 'ideas', 'projects', 'news', 'codes', 'results', 'embed'] as const;

/**
 * The administration console: sign-in, then every screen by the address after `#`, a header with the
 * language, theme and account, navigation by role, and one polite live region for what happened.
 *
 * @summary The Veche administration console.
 */
@customElement('veche-admin-app')
export class VecheAdminApp extends LitElement {
  static override styles = [
    tokens,
    shared,
    consoleStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--_bg);
        color: var(--_text);
        font-family: var(--_font);
        font-size: var(--_font-size);
        line-height: var(--_line-height);
      }
      .skip {
        position: absolute;
        inset-inline-start: 0.5em;
        top: -10em;
        z-index: 10;
        padding: 0.5em 1em;
        background: var(--_bg);
      }
      .skip:focus {
        top: 0.5em;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
        align-items: center;
        justify-content: space-between;
        padding: 0.5em 1.25em;
        border-bottom: var(--_border-width) solid var(--_border);
        background: var(--_surface);
      }
      .brand {
        font-weight: 700;
        font-size: 1.15em;
        color: var(--_text);
        text-decoration: none;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: center;
      }
      .tools label {
        display: inline-flex;
        gap: 0.4em;
        align-items: center;
      }
      .tools select {
        min-height: 2.75em;
        border: var(--_border-width) solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        padding: 0 0.4em;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(12em, 16em) minmax(0, 1fr);
        align-items: start;
      }
      @media (max-width: 48em) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      nav {
        padding: 1em;
        border-inline-end: var(--_border-width) solid var(--_border);
      }
      nav ul {
        list-style: none;
        margin: 0 0 1em;
        padding: 0;
      }
      nav h2 {
        font-size: 0.95em;
        margin: 0.5em 0;
        color: var(--_muted);
        overflow-wrap: anywhere;
      }
      nav a {
        display: flex;
        align-items: center;
        min-height: 2.75em;
        padding: 0 0.75em;
        border-radius: var(--_radius);
        color: var(--_primary);
        text-decoration: underline;
      }
      nav a[aria-current='page'] {
        background: var(--_primary);
        color: var(--_on-primary);
        text-decoration: none;
        font-weight: 700;
      }
      main {
        padding: 1.25em 1.5em 3em;
        min-width: 0;
      }
      main.center {
        max-width: 32em;
        margin: 2em auto;
      }
      .live {
        position: fixed;
        inset-inline-end: 1em;
        bottom: 1em;
        max-width: min(30em, calc(100% - 2em));
        z-index: 5;
      }
      .live:empty {
        display: none;
      }
      @media print {
        header,
        nav,
        .skip,
        .live {
          display: none !important;
        }
        .layout {
          display: block;
        }
      }
    `,
  ];

  @litState() private route: Route = parseRoute(location.hash);
  @litState() private checking = true;
  @litState() private expired = false;

  #listeners: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = state.locale;
    document.title = state.t.app.title;
    applyTheme(state.theme);
    const onHash = () => {
      this.route = parseRoute(location.hash);
    };
    window.addEventListener('hashchange', onHash);
    this.#listeners.push(
      () => window.removeEventListener('hashchange', onHash),
      state.subscribe(() => this.requestUpdate()),
      onExpired(() => this.signedOut(true)),
    );
    void this.restore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeners.forEach((l) => l());
  }

  async restore(): Promise<void> {
    if (!token.get()) {
      this.checking = false;
      return;
    }
    try {
      state.me = await api<StaffView>('GET', '/staff/me');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 401) token.clear();
    }
    this.checking = false;
    state.changed();
  }

  signedOut(expired = false): void {
    token.clear();
    state.me = null;
    this.expired = expired;
    state.changed();
  }

  async signOut(): Promise<void> {
    try {
      await api('DELETE', '/staff/session');
    } catch {
      // signed out either way
    }
    this.signedOut();
    state.announce(state.t.app.signedOut);
  }

  override render(): TemplateResult {
    const t = state.t;
    const me = state.me;
    return html`
      <header>
        <button class="skip button" type="button" @click=${this.skip}>${t.app.skip}</button>
        <a class="brand" href="#/">${t.app.title}</a>
        <div class="tools">
          <label>
            ${t.app.language}
            <select @change=${(e: Event) => state.setLocale((e.target as HTMLSelectElement).value as 'ru' | 'en')}>
              <option value="ru" ?selected=${state.locale === 'ru'} lang="ru">Русский</option>
              <option value="en" ?selected=${state.locale === 'en'} lang="en">English</option>
            </select>
          </label>
          <label>
            ${t.app.theme}
            <select @change=${(e: Event) => state.setTheme((e.target as HTMLSelectElement).value as 'light')}>
              ${(['light', 'dark', 'contrast'] as const).map((name) => html`<option value=${name} ?selected=${state.theme === name}>${t.app.themes[name]}</option>`)}
            </select>
          </label>
          ${me && !me.mustChangePassword
            ? html`<span>${me.name} (${t.roles[me.role]})</span>
                <a class="link" href="#/account">${t.app.account}</a>
                <button class="button" type="button" @click=${() => void this.signOut()}>${t.app.signOut}</button>`
            : nothing}
        </div>
      </header>
      ${this.renderBody()}
      <div class="live" role="status" aria-live="polite">${state.message
        ? html`<p class="alert" data-kind=${state.messageKind === 'error' ? 'error' : 'success'}>${state.message}</p>`
        : nothing}</div>
    `;
  }

  private skip(): void {
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    main?.focus();
  }

  private renderBody(): TemplateResult {
    const me = state.me;
    if (this.checking) return html`<main id="main" tabindex="-1" class="center"><p>${state.t.app.loading}</p></main>`;
    if (!me || me.mustChangePassword) {
      return html`<main id="main" tabindex="-1" class="center">
        <veche-admin-sign-in autofocus-heading .expired=${this.expired} @signed-in=${() => (this.expired = false)}></veche-admin-sign-in>
      </main>`;
    }
    return html`<div class="layout">
      ${this.renderNav()}
      <main id="main" tabindex="-1">${this.renderScreen()}</main>
    </div>`;
  }

  private renderNav(): TemplateResult {
    const t = state.t;
    const { screen, campaignId } = this.route;
    const link = (href: string, label: string, current: boolean) =>
      html`<li><a href=${href} aria-current=${current ? 'page' : 'false'}>${label}</a></li>`;
    const visible = (s: (typeof CAMPAIGN_SCREENS)[number]) =>
      s === 'ideas' || s === 'projects' || s === 'news' ? state.can('administrator', 'moderator') : s === 'embed' ? state.can('administrator') : true;
    return html`<nav aria-label=${t.app.navigation}>
      <ul>
        ${link('#/', t.nav.campaigns, screen === 'campaigns' && !campaignId)}
        ${state.can('administrator') ? link('#/new', t.nav.newCampaign, screen === 'new') : nothing}
        ${state.can('administrator') ? link('#/audit', t.nav.audit, screen === 'audit') : nothing}
        ${state.can('administrator') ? link('#/staff', t.nav.staff, screen === 'staff') : nothing}
        ${link('#/account', t.nav.account, screen === 'account')}
      </ul>
      ${campaignId
        ? html`<h2 id="campaign-nav">${t.nav.campaign(campaignId)}</h2>
            <ul aria-labelledby="campaign-nav">
              ${CAMPAIGN_SCREENS.filter(visible).map((s) => link(`#/c/${encodeURIComponent(campaignId)}/${s}`, t.nav[s], screen === s))}
            </ul>`
        : nothing}
    </nav>`;
  }

  private renderScreen(): TemplateResult {
    const { screen, campaignId } = this.route;
    const id = campaignId ?? '';
    // A new element per address: each screen loads its own data and focuses its heading.
    switch (campaignId ? `c/${screen}` : screen) {
      case 'campaigns':
        return html`<veche-admin-campaigns autofocus-heading></veche-admin-campaigns>`;
      case 'new':
        return html`<veche-admin-campaign-editor autofocus-heading></veche-admin-campaign-editor>`;
      case 'c/settings':
        return keyed(id, html`<veche-admin-campaign-editor autofocus-heading campaignId=${id}></veche-admin-campaign-editor>`);
      case 'c/ideas':
        return keyed(id, html`<veche-admin-moderation autofocus-heading campaignId=${id}></veche-admin-moderation>`);
      case 'c/projects':
        return keyed(id, html`<veche-admin-projects autofocus-heading campaignId=${id}></veche-admin-projects>`);
      case 'c/news':
        return keyed(id, html`<veche-admin-news autofocus-heading campaignId=${id}></veche-admin-news>`);
      case 'c/codes':
        return keyed(id, html`<veche-admin-codes autofocus-heading campaignId=${id}></veche-admin-codes>`);
      case 'c/results':
        return keyed(id, html`<veche-admin-results autofocus-heading campaignId=${id}></veche-admin-results>`);
      case 'c/embed':
        return keyed(id, html`<veche-admin-embed autofocus-heading campaignId=${id}></veche-admin-embed>`);
      case 'audit':
        return html`<veche-admin-audit autofocus-heading></veche-admin-audit>`;
      case 'staff':
        return html`<veche-admin-staff autofocus-heading></veche-admin-staff>`;
      case 'account':
        return html`<veche-admin-account autofocus-heading></veche-admin-account>`;
      default:
        return html`<h1>${state.t.app.notFound}</h1><p><a class="link" href="#/" @click=${() => navigate('/')}>${state.t.nav.campaigns}</a></p>`;
    }
  }
}

const keyed = (key: string, template: TemplateResult) => html`${litKeyed(key, template)}`;

declare global {
  interface HTMLElementTagNameMap {
    'veche-admin-app': VecheAdminApp;
  }
}
