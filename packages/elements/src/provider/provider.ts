import type { VecheAdapter } from '@veche/core';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { VecheElement } from '../base/veche-element.ts';
import { ConfigProvider } from '../config/context.ts';
import type { ThemeName } from '../styles/themes.ts';
import { tokens } from '../styles/tokens.ts';
import { themes } from './provider.styles.ts';

/**
 * Gives an adapter (or an API address with its timeout and retries), a campaign and a theme to every
 * Veche element inside it, so each does not need its own attributes. Set `lang` on it (or any ancestor)
 * to choose the language.
 *
 * @summary Configuration for the Veche elements inside it.
 * @slot - Veche elements and any other content.
 * @csspart base - The themed wrapper around the content.
 * @cssproperty --veche-color-bg - Background of the themed area.
 * @cssproperty --veche-color-text - Text colour of the themed area.
 */
export class VecheProvider extends VecheElement {
  static override styles = [
    tokens,
    themes,
    css`
      :host {
        display: block;
        color: var(--_text);
        background: var(--_bg);
        font-family: var(--_font);
        font-size: var(--_font-size);
        line-height: var(--_line-height);
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  /** The API address for the elements inside: `https://…/api`, `/api`, or `memory:demo`. */
  @property() api?: string;

  /** The campaign for the elements inside. */
  @property() campaign?: string;

  /** Milliseconds the HTTP adapter waits for each attempt of a call (15000). */
  @property({ type: Number }) timeout?: number;

  /** Extra attempts of a read after a network failure, a timeout or a server error (2). */
  @property({ type: Number }) retries?: number;

  /** A backend of your own (any `VecheAdapter`); wins over `api`. */
  @property({ attribute: false }) adapter?: VecheAdapter;

  /** `light`, `dark`, `contrast` (the low-vision version) or `auto`. */
  @property({ reflect: true }) theme?: ThemeName;

  readonly #provider = new ConfigProvider(this);

  protected override willUpdate(): void {
    const { adapter, api, campaign, theme, timeout, retries } = this;
    this.#provider.value = { adapter, api, campaign, theme, timeout, retries };
  }

  protected override render() {
    return html`<div part="base"><slot></slot></div>`;
  }
}
