import {
  formatCount,
  formatDate,
  formatMoney,
  formatRelative,
  formatShare,
  type Campaign,
  type CoreCatalog,
  type Locale,
  type Milestone,
  type Project,
} from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../base/css-props.ts';
import type { CommonTerms } from '../i18n/common.ts';
import { sentence } from '../i18n/locale.ts';
import type { ProgressMeterTerms } from './progress-meter.i18n.ts';
import { fundingModel, percent, supportModel, timelineModel, type FundingRow, type PhaseStep } from './progress-meter.model.ts';

/**
 * The three pictures of `<veche-progress-meter>`. Each is drawn with CSS bars and carries its own
 * text equivalent: a `role="meter"` / `role="progressbar"` with a full sentence as its value text, or a
 * `role="img"` named by the visible summary, next to the same facts as plain text. Colour never carries
 * meaning alone: states are spelled out and marked with a symbol.
 */

/** What every view needs to speak: texts in the element's language and today's date. */
export interface ViewContext {
  t: ProgressMeterTerms;
  common: CommonTerms;
  core: Pick<CoreCatalog, 'phase' | 'status' | 'source'>;
  locale: Locale;
  now: Date;
}

/** Positions on a bar go through CSS custom properties set via CSSOM (no inline style attribute: strict CSP). */
const at = (name: '--value' | '--at', value: string) => cssProps({ [name]: value });

/** The last moment of a phase: a phase ending at midnight ends on the previous day. */
const lastDay = (end: string) => new Date(Date.parse(end) - 1);

// ── support ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Supporters against the threshold: `1 473 подписи — 12,85 % жителей старше 16 лет, порог 10 %`, a bar
 * with the threshold marked, and whether the threshold is reached.
 */
export function supportView(c: ViewContext, campaign: Campaign, project: Project, count: number, live: unknown): TemplateResult {
  const { t, locale } = c;
  const m = supportModel(campaign, count);
  const counted = formatCount(m.count, t.noun, locale);
  const parts = [counted];
  if (m.share !== undefined) parts.push(t.ofResidents(formatShare(m.share, locale)));
  let sentence = parts.join(' — ');
  if (m.threshold !== undefined) {
    const value = m.thresholdShare !== undefined ? formatShare(m.thresholdShare, locale) : formatCount(m.threshold, t.noun, locale);
    sentence += `, ${t.threshold(value)}`;
  }
  const state = m.threshold === undefined ? 'none' : m.reached ? 'reached' : 'left';
  const status =
    state === 'none' ? (m.thresholdUnknown ? t.unknownPopulation : t.noThreshold) : state === 'reached' ? t.reached : t.left(formatCount(m.left, t.noun, locale));
  const caption = t.supportCaption(project.title);
  return html`<figure class="view" data-state=${state}>
    <figcaption part="label" class="caption">${caption}</figcaption>
    <p part="summary" class="summary">
      <strong class="count">${counted}</strong>${sentence.slice(counted.length)}
    </p>
    ${m.scale > 0
      ? html`<div
            part="track"
            class="track"
            role="meter"
            aria-label=${caption}
            aria-valuemin="0"
            aria-valuemax=${m.scale}
            aria-valuenow=${Math.min(m.count, m.scale)}
            aria-valuetext=${`${sentence}. ${status}.`}
          >
            <div part="indicator" class="indicator" ${at('--value', percent(m.count, m.scale))}></div>
            ${m.threshold !== undefined
              ? html`<div part="marker" class="marker" ${at('--at', percent(m.threshold, m.scale))}></div>`
              : nothing}
          </div>
          ${m.threshold !== undefined
            ? html`<p class="legend"><span class="key" aria-hidden="true"></span>${t.thresholdMark}: ${formatCount(m.threshold, t.noun, locale)}</p>`
            : nothing}`
      : nothing}
    <p part="status" class=${state === 'none' ? 'muted' : 'badge'} data-state=${state}>
      ${state === 'reached' ? html`<span aria-hidden="true">✓</span>` : nothing}${status}
    </p>
    ${live}
  </figure>`;
}

// ── funding ──────────────────────────────────────────────────────────────────────────────────────

function sourceRow(c: ViewContext, row: FundingRow): TemplateResult {
  const { t, core, locale } = c;
  const share = formatShare(row.share, locale);
  const limits: [kind: 'min' | 'max', share: number, words: string][] = [];
  if (row.min !== undefined) limits.push(['min', row.min, t.min(formatShare(row.min, locale))]);
  if (row.max !== undefined) limits.push(['max', row.max, t.max(formatShare(row.max, locale))]);
  const flag =
    row.flag === 'below' ? t.below(formatShare(row.min ?? 0, locale)) : row.flag === 'above' ? t.above(formatShare(row.max ?? 1, locale)) : '';
  const money = formatMoney(row.amount, locale);
  const id = `source-${row.source}`;
  const valueText = [money, t.ofCost(share), ...limits.map((l) => l[2]), flag].filter(Boolean).join(', ');
  return html`<li part="item" class="source" data-flag=${row.flag ?? nothing}>
    <p class="row">
      <span class="name" id=${id}>${core.source[row.source]}</span>
      <span><strong>${money}</strong> · ${t.ofCost(share)}</span>
    </p>
    <div
      part="track"
      class="track"
      role="meter"
      aria-labelledby=${id}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.min(100, Math.round(row.share * 10000) / 100)}
      aria-valuetext=${valueText}
    >
      <div part="indicator" class="indicator" ${at('--value', percent(row.share, 1))}></div>
      ${limits.map(([kind, value]) => html`<div part="marker" class="marker" data-kind=${kind} ${at('--at', percent(value, 1))}></div>`)}
    </div>
    ${limits.length
      ? html`<p class="legend">
          ${limits.map(([kind, , words]) => html`<span class="limit"><span class="key" data-kind=${kind} aria-hidden="true"></span>${words}</span>`)}
        </p>`
      : nothing}
    ${row.notes.length ? html`<p class="muted">${row.notes.join('; ')}</p>` : nothing}
    ${flag ? html`<p part="status" class="badge" data-state=${row.flag}><span aria-hidden="true">⚠</span>${flag}</p>` : nothing}
  </li>`;
}

/** Co-financing by source against the campaign's minimum and maximum shares. */
export function fundingView(c: ViewContext, campaign: Campaign, project: Project): TemplateResult {
  const { t, locale } = c;
  const m = fundingModel(campaign, project);
  return html`<figure class="view">
    <figcaption part="label" class="caption">${t.fundingCaption(project.title)}</figcaption>
    <p part="summary" class="summary">${t.cost(formatMoney(m.cost, locale))}</p>
    ${m.rows.length === 0
      ? html`<p part="status" class="alert" data-kind="info">${t.noCoFunding}</p>`
      : html`<ul part="list" class="list">
            ${m.rows.map((row) => sourceRow(c, row))}
          </ul>
          ${m.gap > 0 ? html`<p part="status" class="badge" data-state="gap"><span aria-hidden="true">⚠</span>${t.gap(formatMoney(m.gap, locale))}</p>` : nothing}`}
  </figure>`;
}

// ── timeline ─────────────────────────────────────────────────────────────────────────────────────

function phaseText(c: ViewContext, step: PhaseStep): string {
  const { t, common, locale, now } = c;
  if (step.state === 'done') return t.done;
  if (step.state === 'current') return `${t.current}. ${common.closesIn(formatRelative(step.end, now, locale))}`;
  return `${t.upcoming}. ${common.opensOn(formatRelative(step.start, now, locale))}`;
}

function milestoneItem(c: ViewContext, m: Milestone): TemplateResult {
  const { t, locale } = c;
  const state = m.done ? 'done' : 'upcoming';
  const when = m.date ? ` · ${formatDate(m.date, locale, 'long', 'UTC')}` : '';
  return html`<li part="item" class="step" data-state=${state}>
    <span class="dot" aria-hidden="true">${m.done ? '✓' : ''}</span>
    <div class="body">
      <p class="name">${m.title}</p>
      <p class="muted">${m.done ? t.milestoneDone : t.milestonePlanned}${when}</p>
      ${m.description ? html`<p>${m.description}</p>` : nothing}
      ${m.photos?.length
        ? html`<div class="photos">
            ${m.photos.map(
              (p) => html`<img part="photo" src=${p.url} alt=${p.alt ?? ''} width=${p.width ?? nothing} height=${p.height ?? nothing} loading="lazy" decoding="async" />`,
            )}
          </div>`
        : nothing}
    </div>
  </li>`;
}

function milestonesView(c: ViewContext, project: Project): TemplateResult {
  const { t, core, locale } = c;
  const progress = project.progress;
  return html`<figure class="view">
    <figcaption part="label" class="caption">${t.milestonesCaption(project.title)}</figcaption>
    <p class="muted">${core.status[project.status] ?? ''}</p>
    ${progress !== undefined && progress !== null
      ? html`<p class="row"><span id="progress">${t.progress}</span> <strong>${formatShare(progress / 100, locale)}</strong></p>
          <div
            part="track"
            class="track"
            role="progressbar"
            aria-labelledby="progress"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${progress}
            aria-valuetext=${formatShare(progress / 100, locale)}
          >
            <div part="indicator" class="indicator" ${at('--value', `${progress}%`)}></div>
          </div>`
      : nothing}
    ${project.milestones.length
      ? html`<ol part="list" class="list steps">
          ${project.milestones.map((m) => milestoneItem(c, m))}
        </ol>`
      : html`<p class="muted">${t.noMilestones}</p>`}
  </figure>`;
}

/** The campaign's phases with today's position and, for a project, its milestones and progress. */
export function timelineView(c: ViewContext, campaign: Campaign, project: Project | undefined): TemplateResult {
  const { t, core, common, locale, now } = c;
  const m = timelineModel(campaign, now);
  const name = (i: number) => core.phase[m.steps[i]!.id];
  let summary: string;
  if (m.current >= 0) {
    summary = `${t.nowIn(name(m.current), m.current + 1, m.steps.length)} ${common.closesIn(formatRelative(m.steps[m.current]!.end, now, locale))}.`;
  } else if (m.next >= 0) {
    summary = sentence(`${m.next === 0 ? `${t.notStarted} ` : ''}${t.nextIs(name(m.next))} ${common.opensOn(formatDate(m.steps[m.next]!.start, locale))}`);
  } else {
    summary = t.allDone;
  }
  return html`<figure class="view">
      <figcaption part="label" class="caption">${t.timelineCaption(campaign.title)}</figcaption>
      <p part="summary" class="summary" id="summary">${summary}</p>
      <div part="track" class="phases" role="img" aria-labelledby="summary">
        ${m.steps.map(
          (s, i) => html`<span class="segment" data-state=${s.state}>
            <span part="indicator" class="indicator" ${at('--value', percent(s.elapsed, 1))}></span>
            ${i === m.today.index ? html`<span part="marker" class="marker" ${at('--at', percent(m.today.at, 1))}></span>` : nothing}
          </span>`,
        )}
      </div>
      <p class="legend"><span class="key" aria-hidden="true"></span>${t.today}: ${formatDate(now, locale)}</p>
      <ol part="list" class="list steps">
        ${m.steps.map(
          (s, i) => html`<li part="item" class="step" data-state=${s.state} aria-current=${s.state === 'current' ? 'step' : nothing}>
            <span class="dot" aria-hidden="true">${s.state === 'done' ? '✓' : i + 1}</span>
            <div class="body">
              <p class="name">${core.phase[s.id]}</p>
              <p class="muted">${formatDate(s.start, locale)} – ${formatDate(lastDay(s.end), locale)}</p>
              <p>${phaseText(c, s)}</p>
            </div>
          </li>`,
        )}
      </ol>
    </figure>
    ${project ? milestonesView(c, project) : nothing}`;
}
