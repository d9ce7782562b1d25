import { formatDate } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Terms } from './i18n.ts';
import type { AuditEntry } from './types.ts';

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The top-level fields that differ between two states, with both values as text. */
export function changes(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  if (typeof a !== 'object' || typeof b !== 'object') return [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'updatedAt');
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => ({ field: k, from: show(a[k]), to: show(b[k]) }));
}

/** One audit entry: when, who, what, and each changed field before → after. */
export function renderEntry(e: AuditEntry, t: Terms, locale: 'ru' | 'en'): TemplateResult {
  const diff = changes(e.before, e.after);
  return html`<div>
    <p style="margin:0"><strong>${(t.audit.actions as Record<string, string>)[e.action] ?? e.action}</strong> · ${e.actor}${e.role ? ` (${(t.roles as Record<string, string>)[e.role] ?? e.role})` : ''} ·
      <time datetime=${e.at}>${formatDate(e.at, locale, 'datetime')}</time></p>
    ${diff.length > 0
      ? html`<ul style="margin:0.25em 0 0">${diff.map((d) => html`<li><code>${d.field}</code>: <del>${clip(d.from)}</del> → <ins>${clip(d.to)}</ins></li>`)}</ul>`
      : nothing}
    ${e.details && Object.keys(e.details as object).length > 0 ? html`<pre>${JSON.stringify(e.details, null, 1)}</pre>` : nothing}
  </div>`;
}

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
