import { VecheError, formatCount, formatDate, formatMoney, formatNumber, formatShare, type Locale } from '@veche/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { VecheWidget } from '../base/veche-widget.ts';
import { table } from '../styles/table.ts';
import type * as Exporter from './results.export.ts';
import { resultsMessages, type ResultsTerms } from './results.i18n.ts';
import { loadResults, type DistrictRow, type ResultRow, type ResultsModel, type ResultsView } from './results.model.ts';
import { styles } from './results.styles.ts';

type Format = 'csv' | 'pb';

/** The download code (CSV, Blob, `<a download>`) is fetched on the first click. */
let exporter: Promise<typeof Exporter> | undefined;
function loadExporter(): Promise<typeof Exporter> {
  exporter ??= import('./results.export.ts').catch((e: unknown) => {
    exporter = undefined;
    throw new VecheError('network', 'Could not load the download code', { cause: e });
  });
  return exporter;
}

/** A share 0–1 as an SVG length along a bar, clamped. */
const along = (part: number, whole: number) => `${whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0}%`;

/** A horizontal SVG bar; winners also get a dashed stripe, so colour is not the only difference. */
const bar = (part: number, whole: number, winner = false) => {
  const width = along(part, whole);
  return html`<svg class="bar" part="bar" aria-hidden="true" focusable="false">
    <rect class="track" width="100%" height="100%" rx="2"></rect>
    <rect class="fill" width=${width} height="100%" rx="2"></rect>
    ${winner && part > 0 ? svg`<line class="hatch" x1="0.3em" y1="50%" x2=${width} y2="50%" stroke-dasharray="0.45em 0.3em"></line>` : nothing}
  </svg>`;
};

const DAY = 86_400_000;

/**
 * The outcome of a vote: the winners within the budget, votes (or points, for cumulative voting) per
 * project as a horizontal SVG bar chart with a real table behind it (screen readers read the table; the
 * "Таблица" toggle shows it), the budget used, turnout as a count and a share of residents aged 16+, the
 * same per district, and downloads as CSV (made in the browser, for Excel) and Pabulib (from the
 * adapter). Before publication it says when the results come out, and reloads itself then if that is
 * within a day.
 *
 * @summary Voting results: winners, votes per project, budget, turnout, downloads.
 * @event veche-error - Loading or a download failed: `{ code, message, error }`. Not sent before publication.
 * @csspart base - The wrapper of everything.
 * @csspart label - The title.
 * @csspart notice - Publication date, preliminary results, a backend without results.
 * @csspart budget - The budget figure; `turnout` the turnout figure.
 * @csspart turnout - The turnout figure.
 * @csspart bar - Every SVG bar (budget, projects).
 * @csspart winners - The list of winners.
 * @csspart chart - The bar chart (hidden from screen readers, which read the table).
 * @csspart table - The table of results.
 * @csspart districts - The list of districts; `district` each.
 * @csspart district - One district.
 * @csspart button - Every button: the table toggle (`toggle`) and the downloads (`download`).
 * @csspart toggle - The "Таблица" button.
 * @csspart download - A download button.
 * @csspart error - A failure, in words; `retry` its button.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-results-bar - Bars of projects not selected (default `--veche-color-primary`).
 * @cssproperty --veche-results-winner - Bars and marks of winners (default `--veche-color-success`).
 * @cssproperty --veche-results-track - The empty part of a bar (default `--veche-color-track`).
 * @cssproperty --veche-results-bar-height - The thickness of the bars (default `1.25em`).
 */
export class VecheResults extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, resultsMessages];

  static override styles = [...VecheWidget.styles, table, styles];

  /** The chart is shown as a table. */
  @state() private tableShown = false;
  /** The download being prepared. */
  @state() private busy?: Format;
  @state() private failure?: VecheError;

  #timer?: ReturnType<typeof setTimeout>;

  readonly data = this.load(
    () => [this.campaignId] as const,
    (adapter, [id], signal) => loadResults(adapter, this.requireCampaign(id), signal),
  );

  get #t(): ResultsTerms {
    return this.terms(resultsMessages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: set the publication timer again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  protected override updated(): void {
    // Before publication: load again when the results come out, if that is within a day.
    const view = this.data.value;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (view?.kind !== 'pending' || !view.start || !this.isConnected) return;
    const wait = Date.parse(view.start) - Date.now() + 1_000;
    if (wait > 0 && wait < DAY) this.#timer = setTimeout(() => void this.data.run(), wait);
  }

  protected override describe(error: unknown): string {
    const e = VecheError.from(error);
    const campaign = e.details?.['campaign'];
    if (e.code === 'not-found' && typeof campaign === 'string') return this.#t.campaignNotFound(campaign);
    return super.describe(error);
  }

  async #announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  #toggle = (): void => {
    this.tableShown = !this.tableShown;
  };

  async #download(format: Format): Promise<void> {
    const view = this.data.value;
    const adapter = this.resolvedAdapter;
    if (view?.kind !== 'published' || !adapter || this.busy) return;
    this.busy = format;
    this.failure = undefined;
    const { model } = view;
    const id = model.campaign.id;
    try {
      const module = await loadExporter();
      const name = format === 'csv' ? `${id}-results.csv` : `${id}.pb`;
      if (format === 'csv') module.downloadCsv(this.renderRoot, name, model, this.#t, (n) => formatNumber(n, this.locale, 2));
      else {
        const text: unknown = await adapter.exportPabulib(id);
        if (typeof text !== 'string') throw new VecheError('invalid-response', 'The adapter sent a Pabulib file that is not text');
        module.download(this.renderRoot, name, 'text/plain;charset=utf-8', [text]);
      }
      void this.#announce(this.#t.downloaded(name));
    } catch (e) {
      this.failure = this.report(e);
    } finally {
      this.busy = undefined;
    }
  }

  protected override render() {
    return html`<div part="base" class="base">${this.renderTask(this.data, (view) => this.#renderView(view))} ${this.renderLive()}</div>`;
  }

  #renderView(view: ResultsView): TemplateResult {
    const t = this.#t;
    const campaign = view.kind === 'published' ? view.model.campaign : view.campaign;
    const title = html`<h2 part="label" id="title">${t.title(campaign.title)}</h2>`;
    if (view.kind === 'pending') {
      const text = view.start ? t.pendingOn(formatDate(view.start, this.locale)) : t.pendingUndated;
      return html`<section>${title}<p part="notice" class="alert" data-kind="info">${text}</p></section>`;
    }
    if (view.kind === 'unsupported') {
      return html`<section>${title}<p part="notice" class="alert" data-kind="info">${t.unsupported}</p></section>`;
    }
    const { model } = view;
    const { results } = model;
    return html`<section>
      ${title}
      ${results.publishedAt ? html`<p class="muted">${t.publishedOn(formatDate(results.publishedAt, this.locale))}</p>` : nothing}
      ${results.status === 'preliminary' ? html`<p part="notice" class="alert" data-kind="info">${t.preliminary}</p>` : nothing}
      ${this.#renderFigures(model)} ${this.#renderWinners(model)} ${this.#renderChart(model)} ${this.#renderDistricts(model.districts)}
      ${this.#renderDownloads()}
    </section>`;
  }

  #renderFigures(model: ResultsModel): TemplateResult {
    const t = this.#t;
    const locale = this.locale;
    const { results } = model;
    const used = formatMoney(results.budgetUsed, locale);
    const sentence = t.budgetUsed(used, formatMoney(results.budget, locale), formatShare(model.budgetShare, locale));
    return html`<div class="figures">
      <div class="figure" part="budget">
        <h3>${t.budget}</h3>
        <p class="big">${used}</p>
        <p>${sentence}</p>
        <div role="meter" aria-label=${t.budget} aria-valuemin="0" aria-valuemax=${results.budget} aria-valuenow=${Math.min(results.budgetUsed, results.budget)} aria-valuetext=${sentence}>
          ${bar(results.budgetUsed, results.budget)}
        </div>
      </div>
      <div class="figure" part="turnout">
        <h3>${t.turnout}</h3>
        <p class="big">${formatCount(results.turnout, 'resident', locale)}</p>
        ${model.turnoutShare !== undefined ? html`<p>${t.ofResidents(formatShare(model.turnoutShare, locale))}</p>` : nothing}
      </div>
    </div>`;
  }

  /** A winner's text mark: a check and the word, never colour alone. */
  #mark(): TemplateResult {
    return html`<span class="mark"><span aria-hidden="true">✓ </span>${this.#t.winner}</span>`;
  }

  #title(row: ResultRow): string {
    return row.title || this.#t.unnamed(row.id);
  }

  #renderWinners(model: ResultsModel): TemplateResult {
    const t = this.#t;
    const locale = this.locale;
    const winners = model.winners;
    return html`<section>
      <h3 id="winners">${t.winners}</h3>
      ${winners.length
        ? html`<p>${t.winnersSum(formatCount(winners.length, 'project', locale), formatMoney(model.results.budgetUsed, locale))}</p>
            <ol part="winners" class="winners">
              ${winners.map(
                (r) => html`<li>
                  <span><span class="name">${this.#title(r)}</span>${this.#mark()}</span>
                  <span class="muted">${[r.cost === undefined ? '' : formatMoney(r.cost, locale), this.#count(model, r)].filter(Boolean).join(' · ')}</span>
                </li>`,
              )}
            </ol>`
        : html`<p>${t.noWinners}</p>`}
    </section>`;
  }

  #count(model: ResultsModel, row: ResultRow): string {
    return formatCount(row.value, model.points ? 'point' : 'vote', this.locale);
  }

  #share(model: ResultsModel, row: ResultRow): string {
    const share = formatShare(row.share, this.locale);
    return model.points ? this.#t.ofPoints(share) : this.#t.ofVoters(share);
  }

  #renderChart(model: ResultsModel): TemplateResult {
    const t = this.#t;
    const heading = model.points ? t.pointsChart : t.votesChart;
    const empty = model.rows.length === 0 ? t.noProjects : model.results.turnout === 0 ? t.noBallots : '';
    if (empty) {
      return html`<section><h3 id="chart-title">${heading}</h3><p>${empty}</p></section>`;
    }
    const shown = this.tableShown;
    return html`<section>
      <div class="toolbar">
        <h3 id="chart-title">${heading}</h3>
        <button class="button" part="button toggle" type="button" aria-pressed=${shown ? 'true' : 'false'} @click=${this.#toggle}>${t.table}</button>
      </div>
      ${shown
        ? nothing
        : html`<ol part="chart" class="chart" aria-hidden="true">
            ${model.rows.map(
              (r) => html`<li class="row" ?data-winner=${r.selected}>
                <p><span class="name">${this.#title(r)}</span>${r.selected ? this.#mark() : nothing}</p>
                <p class="muted">${this.#count(model, r)} · ${this.#share(model, r)}</p>
                ${bar(r.value, model.max, r.selected)}
              </li>`,
            )}
          </ol>`}
      ${this.#renderTable(model, heading, shown)}
    </section>`;
  }

  /** The table: always there for screen readers, on screen when the toggle is pressed. */
  #renderTable(model: ResultsModel, caption: string, shown: boolean): TemplateResult {
    const t = this.#t;
    const locale: Locale = this.locale;
    // On screen, a table wider than the element scrolls sideways: it takes focus so the keyboard can scroll it.
    return html`<div
      class=${shown ? 'scroll' : 'visually-hidden'}
      role=${shown ? 'region' : nothing}
      aria-label=${shown ? caption : nothing}
      tabindex=${shown ? '0' : nothing}
    >
      <table part="table">
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.rank}</th>
            <th scope="col">${t.project}</th>
            <th scope="col">${t.votes}</th>
            ${model.points ? html`<th scope="col">${t.points}</th>` : nothing}
            <th scope="col">${t.share}</th>
            <th scope="col">${t.cost}</th>
            <th scope="col">${t.outcome}</th>
          </tr>
        </thead>
        <tbody>
          ${model.rows.map(
            (r) => html`<tr ?data-winner=${r.selected}>
              <td class="n">${r.rank}</td>
              <th scope="row">${this.#title(r)}${r.district ? html`<br /><span class="muted">${r.district}</span>` : nothing}</th>
              <td class="n">${formatCount(r.votes, 'vote', locale)}</td>
              ${model.points ? html`<td class="n">${formatCount(r.points, 'point', locale)}</td>` : nothing}
              <td class="n">${formatShare(r.share, locale)}</td>
              <td class="n">${r.cost === undefined ? '—' : formatMoney(r.cost, locale)}</td>
              <td>${r.selected ? this.#mark() : t.notSelected}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderDistricts(districts: DistrictRow[]): unknown {
    if (districts.length === 0) return nothing;
    const t = this.#t;
    const locale = this.locale;
    return html`<section>
      <h3 id="districts">${t.districts}</h3>
      <ul part="districts" class="districts">
        ${districts.map((d) => {
          const used = formatMoney(d.budgetUsed, locale);
          return html`<li part="district" class="district">
            <h4>${d.name}</h4>
            <p>${d.budget === undefined ? t.districtSpent(used) : t.districtBudget(used, formatMoney(d.budget, locale))}</p>
            ${d.budget ? bar(d.budgetUsed, d.budget) : nothing}
            <p>
              ${t.turnout}: ${formatCount(d.turnout, 'resident', locale)}${d.share === undefined ? '' : ` — ${t.ofResidents(formatShare(d.share, locale))}`}
            </p>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #renderDownloads(): TemplateResult {
    const t = this.#t;
    const pabulib = typeof this.resolvedAdapter?.exportPabulib === 'function';
    const button = (format: Format, label: string) =>
      html`<button
        class="button"
        part="button download"
        type="button"
        data-format=${format}
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => void this.#download(format)}
      >
        ${label}
      </button>`;
    return html`<section>
      <h3 id="downloads">${t.download}</h3>
      <div class="downloads">${button('csv', t.csv)} ${pabulib ? button('pb', t.pabulib) : nothing}</div>
      ${this.failure
        ? html`<div part="error" class="alert" role="alert"><p>${t.downloadFailed} ${this.describe(this.failure)}</p></div>`
        : nothing}
    </section>`;
  }
}
