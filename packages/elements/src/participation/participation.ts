import {
  VecheError,
  formatNumber,
  formatShare,
  participationShares,
  type ParticipationAction,
  type ParticipationReport,
  type ParticipationYear,
  type VecheAdapter,
} from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { check, isCount, isData } from '../base/checks.ts';
import { VecheWidget } from '../base/veche-widget.ts';
import { table } from '../styles/table.ts';
import type * as Exporter from './participation.export.ts';
import { participationMessages, type ParticipationTerms } from './participation.i18n.ts';
import { styles } from './participation.styles.ts';

type Row = Omit<ParticipationYear, 'source' | 'updatedAt'>;
type Report = Pick<ParticipationReport, 'campaignId' | 'municipality' | 'year'> & { years: Row[] };

const isChannels = (v: unknown): v is Row['participants'] => isData(v) && isCount(v['online']) && isCount(v['offline']);
const absentOr = (v: unknown) => v === undefined || v === null || isCount(v);

/** The report from any adapter, checked; the shares are computed here from the counts (rounded half up). */
function readReport(v: unknown, campaignId: string): Report {
  check(isData(v) && Array.isArray(v['years']), 'an unreadable participation report');
  const years = (v['years'] as unknown[]).map((y): Row => {
    check(
      isData(y) && Number.isInteger(y['year']) && isChannels(y['participants']) && absentOr(y['population']) && absentOr(y['population16']),
      'an unreadable year of participation',
    );
    const given = isData(y['actions']) ? y['actions'] : {};
    const actions = Object.fromEntries(Object.entries(given).filter(([, c]) => isChannels(c)));
    const row = { ...y, actions } as unknown as Row;
    return { ...row, shares: participationShares(row) };
  });
  return {
    campaignId,
    municipality: String(v['municipality'] ?? ''),
    year: Number.isInteger(v['year']) ? (v['year'] as number) : 0,
    years: years.sort((a, b) => a.year - b.year),
  };
}

const reports = (adapter: VecheAdapter) => typeof adapter.getParticipation === 'function' && adapter.capabilities?.participation !== false;

/** An SVG bar of `share` (0–1), hidden from screen readers (the words beside it say the figure). */
const bar = (share: number) =>
  html`<svg class="bar" part="bar" aria-hidden="true" focusable="false"><rect width=${`${Math.min(100, share * 100)}%`} height="100%"></rect></svg>`;

/** The download code and the print view are fetched on the first click. */
let exporter: Promise<typeof Exporter> | undefined;
const loadExporter = (): Promise<typeof Exporter> =>
  (exporter ??= import('./participation.export.ts').catch((e: unknown) => {
    exporter = undefined;
    throw new VecheError('network', 'Could not load the download code', { cause: e });
  }));

/**
 * The participation report a municipality shows and is rated on: a picture first and a table second.
 * For the campaign's year (or `year`), a funnel: residents, residents aged 16+, residents who took part
 * (their share of 16+) and those who used digital tools (their share of participants and of 16+), then a
 * table by way of taking part (ideas, support, votes, comments), online and offline. Year over year, bars
 * of both shares, then the table a report needs. Shares are rounded half up from the counts to 0.01 %.
 * "Скачать CSV" makes the file in the browser (for Excel); "Версия для печати" prints the report alone.
 *
 * @summary Participation: residents, 16+, participants by action and channel, shares, year over year.
 * @event veche-error - Loading, the download or printing failed: `{ code, message, error }`.
 * @csspart base - The wrapper of everything.
 * @csspart label - The heading.
 * @csspart chart - The funnel and the year-over-year bars: text with bars beside it.
 * @csspart bar - Every SVG bar.
 * @csspart table - Both tables.
 * @csspart button - The buttons: `download` (CSV) and `print`.
 * @csspart download - The CSV button.
 * @csspart print - The print button.
 * @csspart notice - No figures, no figures for the year, or a backend without the report.
 * @csspart error - A failure, in words; `retry` its button.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-participation-bar - Bars of participants (default `--veche-color-primary`).
 * @cssproperty --veche-participation-digital - Bars of digital participants (default `--veche-color-success`).
 * @cssproperty --veche-participation-track - The empty part of a bar (default `--veche-color-track`).
 */
export class VecheParticipation extends VecheWidget {
  static override catalogs = [...VecheWidget.catalogs, participationMessages];

  static override styles = [...VecheWidget.styles, table, styles];

  /** `campaign`: the funnel and the ways of taking part of one year; `years`: year over year; `all` (default): both. */
  @property() view?: string;

  /** The year of the funnel; the campaign's own by default. */
  @property({ type: Number }) year?: number;

  /** The level of the heading (2–5, default 2); pictures and tables are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private failure?: VecheError;

  readonly data = this.load(
    () => [this.campaignId] as const,
    async (adapter, [id], signal) => {
      const campaign = this.requireCampaign(id);
      return reports(adapter) ? readReport(await adapter.getParticipation!(campaign, { signal }), campaign) : false;
    },
  );

  get #t(): ParticipationTerms {
    return this.terms(participationMessages);
  }

  #n = (v: number | null | undefined) => (v == null ? '—' : formatNumber(v, this.locale));
  #pct = (v: number | undefined) => (v === undefined ? '—' : formatShare(v, this.locale));

  async #export(print: boolean): Promise<void> {
    const report = this.data.value;
    if (!report) return;
    this.failure = undefined;
    const t = this.#t;
    try {
      const module = await loadExporter();
      if (print) module.printReport(this.renderRoot.querySelector('.report')!, `${t.title}: ${report.municipality}`, this.locale);
      else {
        const name = `${report.campaignId}-participation.csv`;
        module.downloadCsv(this.renderRoot, name, report as ParticipationReport, t, (n) => formatNumber(n, this.locale, 2));
        this.announcement = '';
        await this.updateComplete;
        this.announcement = t.downloaded(name);
      }
    } catch (e) {
      this.failure = this.report(e);
    }
  }

  protected override render() {
    return html`<section part="base" class="base">${this.renderTask(this.data, (report) => this.#renderReport(report))} ${this.renderLive()}</section>`;
  }

  #renderReport(report: Report | false): TemplateResult {
    const t = this.#t;
    const level = Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
    const notice = (text: string) => html`<p part="notice" class="alert" data-kind="info">${text}</p>`;
    const heading = html`<div part="label" class="label" role="heading" aria-level=${level}>${t.title}${report && report.municipality ? `: ${report.municipality}` : ''}</div>`;
    if (!report || report.years.length === 0) return html`${heading}${notice(report ? t.empty : t.unsupported)}`;
    const view = this.view;
    const year = this.year ?? report.year;
    const row = report.years.find((y) => y.year === year && y.campaignId === report.campaignId) ?? report.years.find((y) => y.year === year);
    const button = (print: boolean, label: string) =>
      html`<button class="button" part=${`button ${print ? 'print' : 'download'}`} type="button" @click=${() => void this.#export(print)}>${label}</button>`;
    return html`${heading}
      <div class="report">
        ${view === 'years' ? nothing : row ? this.#renderYear(row, level + 1) : notice(t.empty)}
        ${view === 'campaign' ? nothing : this.#renderYears(report, level + 1)}
      </div>
      <div class="tools">${button(false, t.csv)} ${button(true, t.print)}</div>
      ${this.failure ? this.renderError(this.failure) : nothing}`;
  }

  /** A picture's heading and its lines: words above a bar of `share`. */
  #chart(title: string, level: number, lines: [words: unknown, share: number, digital?: boolean][]): TemplateResult {
    return html`<div class="sub" role="heading" aria-level=${level}>${title}</div>
      <ul part="chart" class="chart">
        ${lines.map(([words, share, digital]) => html`<li ?data-digital=${digital}><p>${words}</p>${bar(share)}</li>`)}
      </ul>`;
  }

  /** The funnel of one year, then its ways of taking part by channel. */
  #renderYear(row: Row, level: number): TemplateResult {
    const t = this.#t;
    const { online, offline } = row.participants;
    const { participants16, digitalOfParticipants, digital16 } = row.shares;
    const whole = row.population ?? row.population16 ?? online + offline;
    const line = (label: string, value: number, note: string[], digital?: boolean): [unknown, number, boolean?] => [
      html`<b>${label}</b> ${this.#n(value)} <span class="muted">${note.join(', ')}</span>`,
      whole ? value / whole : 0,
      digital,
    ];
    const lines = [
      ...(row.population == null ? [] : [line(t.residents, row.population, [])]),
      ...(row.population16 == null ? [] : [line(t.residents16, row.population16, [])]),
      line(t.participants, online + offline, participants16 === undefined ? [] : [t.of16(this.#pct(participants16))]),
      line(t.digital, online, [
        ...(digitalOfParticipants === undefined ? [] : [t.ofParticipants(this.#pct(digitalOfParticipants))]),
        ...(digital16 === undefined ? [] : [t.of16(this.#pct(digital16))]),
      ], true),
    ];
    // The ways the texts name, in their order (an action a custom adapter invents is left out).
    const actions = (Object.keys(t.action) as ParticipationAction[]).filter((a) => row.actions[a]);
    return html`${this.#chart(t.funnel(row.year), level, lines)}
      ${actions.length
        ? this.#table(
            t.actionsCaption(row.year),
            [t.way, t.online, t.offline, t.total],
            actions.map((a) => {
              const c = row.actions[a]!;
              return [t.action[a], c.online, c.offline, c.online + c.offline];
            }),
          )
        : nothing}`;
  }

  /** Both shares year over year, then the table a report needs. */
  #renderYears(report: Report, level: number): TemplateResult {
    const t = this.#t;
    const label = (y: Row) => (y.municipality && y.municipality !== report.municipality ? `${y.year}, ${y.municipality}` : String(y.year));
    return html`${this.#chart(
        t.trend,
        level,
        report.years.flatMap((y): [unknown, number, boolean?][] => [
          [html`<b>${label(y)}</b> ${t.participants}: ${t.of16(this.#pct(y.shares.participants16))}`, y.shares.participants16 ?? 0],
          [`${t.digital}: ${t.ofParticipants(this.#pct(y.shares.digitalOfParticipants))}`, y.shares.digitalOfParticipants ?? 0, true],
        ]),
      )}
      ${this.#table(
        t.yearsCaption,
        [t.year, t.residents, t.residents16, t.participants, t.share16, t.digital, t.shareOfParticipants, t.digitalShare16],
        report.years.map((y) => [
          label(y),
          y.population,
          y.population16,
          y.participants.online + y.participants.offline,
          this.#pct(y.shares.participants16),
          y.participants.online,
          this.#pct(y.shares.digitalOfParticipants),
          this.#pct(y.shares.digital16),
        ]),
      )}`;
  }

  /** A table whose first column names the row; numbers formatted, text as it is. It scrolls sideways when narrow. */
  #table(caption: string, head: string[], rows: (string | number | null | undefined)[][]): TemplateResult {
    return html`<div class="scroll" role="region" aria-label=${caption} tabindex="0">
      <table part="table">
        <caption>${caption}</caption>
        <thead>
          <tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
        </thead>
        <tbody>
          ${rows.map(
            ([first, ...cells]) => html`<tr>
              <th scope="row">${first}</th>
              ${cells.map((c) => html`<td>${typeof c === 'string' ? c : this.#n(c)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
