import { TEXT_FIELDS, type TextField } from './idea-form.types.ts';

/** A photo the adapter already stored, as the draft keeps it. */
export interface DraftPhoto {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * What a resident typed, as kept in localStorage: every text field, the photos already uploaded, and
 * the Idempotency-Key of this idea (stable across retries, new after a successful submit). Consent
 * ticks are not kept: 152-ФЗ wants a deliberate act each time a resident sends personal data.
 */
export type Draft = Record<TextField, string> & { key: string; photos: DraftPhoto[] };

const newKey = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `idea-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export const emptyDraft = (): Draft => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>),
  key: newKey(),
  photos: [],
});

/** Whether the resident has typed or attached anything. */
export const isBlank = (draft: Draft): boolean => draft.photos.length === 0 && TEXT_FIELDS.every((f) => !draft[f].trim());

const STORE_URL = /^(https?:\/\/|blob:|\/)\S*$/;

/** The draft under `key`, or undefined when there is none or it cannot be read (storage off, damaged JSON). */
export function readDraft(key: string): Draft | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const stored = raw as Record<string, unknown>;
  const draft = emptyDraft();
  for (const f of TEXT_FIELDS) if (typeof stored[f] === 'string') draft[f] = stored[f];
  if (typeof stored['key'] === 'string' && stored['key']) draft.key = stored['key'];
  if (Array.isArray(stored['photos'])) {
    draft.photos = (stored['photos'] as Partial<DraftPhoto>[]).filter(
      (p): p is DraftPhoto =>
        typeof p?.url === 'string' && STORE_URL.test(p.url) && Number(p.width) > 0 && Number(p.height) > 0 && typeof p.alt === 'string',
    );
  }
  return isBlank(draft) ? undefined : draft;
}

/** Keeps the draft (or forgets it when blank). Storage that is full or switched off is not an error here. */
export function writeDraft(key: string, draft: Draft | undefined): void {
  try {
    if (!draft || isBlank(draft)) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Private mode or a full quota: the form still holds everything in memory.
  }
}
