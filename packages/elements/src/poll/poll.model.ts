import type { AdapterCapabilities, Identity, PollView, VecheAdapter, VecheError } from '@veche/core';
import type { ReactiveControllerHost } from 'lit';
import type { Messages } from '../i18n/locale.ts';
import { accessFor, type Access } from '../sign-in/access.ts';
import type { VecheSignIn } from '../sign-in/sign-in.ts';
import type { PollTerms } from './poll.i18n.ts';

/** `veche-poll-request` (cancelable) and `veche-poll-answer`: a resident answers a poll. */
export interface VechePollDetail {
  pollId: string;
  choices: string[];
  other?: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-poll-request': CustomEvent<VechePollDetail>;
    'veche-poll-answer': CustomEvent<VechePollDetail>;
  }
}

/** What the poll shows: the poll as the adapter sees it for this resident or device. */
export interface View extends PollView {
  identity: Identity | null;
  capabilities: AdapterCapabilities;
}

/** The resident's choices, kept in localStorage until the answer is counted. */
export interface Draft {
  choices: string[];
  otherOn: boolean;
  other: string;
}

/** The resident's access to the poll: a device poll is open to any device. */
export const accessOf = (view: View): Access =>
  view.poll.audience === 'device' ? 'ok' : accessFor(view.signIn, view.capabilities.signIn, view.identity);

/** What sending an answer (poll.send.ts, loaded on first use) needs of the element. */
export interface PollPort {
  host: ReactiveControllerHost & HTMLElement;
  adapter(): VecheAdapter | undefined;
  view(): View | undefined;
  setView(view: View): void;
  draft(): Draft;
  /** Keeps the choices (empty ones clear the stored draft) and clears the last failure. */
  setDraft(draft: Draft): void;
  busy(): boolean;
  setBusy(busy: boolean): void;
  /** The Idempotency-Key of this answer: the same across retries, cleared once it is counted. */
  key: string;
  terms<T extends object>(messages: Messages<T>): T;
  /** The poll's own texts. */
  t(): PollTerms;
  /** Shows a failure (and clears it without a message), with focus on it. */
  fail(message?: string, error?: VecheError): void;
  announce(text: string): void;
  emit(name: 'veche-poll-request' | 'veche-poll-answer', detail: VechePollDetail, cancelable?: boolean): boolean;
  report(error: unknown): VecheError;
  describe(error: unknown): string;
  /** Reads the poll again (the answer exists or the poll closed meanwhile). */
  reload(): void;
  /** Renders the sign-in dialog (once defined) and gives it. */
  signInDialog(): Promise<VecheSignIn | null>;
}
