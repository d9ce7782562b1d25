import type { AdapterCapabilities, Comment, CommentPolicy, CommentSort, Identity, Locale, StanceCounts, VecheAdapter, VecheError } from '@veche/core';
import type { ReactiveControllerHost } from 'lit';
import type { VecheSignIn } from '../sign-in/sign-in.ts';
import type { Messages } from '../i18n/locale.ts';
import type { CommentsTerms } from './comments.i18n.ts';

/** What the element shows: the project's discussion as loaded, with the pages loaded so far. */
export interface CommentsView {
  projectId: string;
  policy: CommentPolicy;
  identity: Identity | null;
  capabilities: AdapterCapabilities;
  items: Comment[];
  nextCursor: string | null;
  total: number;
  stances: StanceCounts;
}

/** Whether the backend takes comments, marks and reports at all (a read-only one does not). */
export const canWrite = (adapter: VecheAdapter | undefined, capabilities: AdapterCapabilities): boolean =>
  capabilities.comments === true && typeof adapter?.postComment === 'function';

/** `veche-comment`: a resident posted, replied, edited, marked or reported a comment. */
export interface VecheCommentDetail {
  projectId: string;
  action: 'post' | 'reply' | 'edit' | 'mark' | 'unmark' | 'report';
  commentId: string;
  comment?: Comment;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-comment-request': CustomEvent<Omit<VecheCommentDetail, 'commentId' | 'comment'> & { commentId?: string }>;
    'veche-comment': CustomEvent<VecheCommentDetail>;
  }
}

/** What the forms (loaded on first use) need of the element. */
export interface CommentsPort {
  /** The element, with the order and page size the list was read with. */
  host: ReactiveControllerHost & HTMLElement & { sort: CommentSort; pageSize: number };
  view(): CommentsView | undefined;
  /** Shows the discussion as changed by an action. */
  setView(view: CommentsView): void;
  adapter(): VecheAdapter | undefined;
  locale(): Locale;
  now(): Date;
  /** A table of texts in the element's language, with the page's overrides. */
  terms<T extends object>(messages: Messages<T>): T;
  /** The list's texts (stances, useful counts), so the forms need not import them. */
  listMessages: Messages<CommentsTerms>;
  /** Renders the sign-in dialog (once defined) and gives it. */
  signInDialog(): Promise<VecheSignIn | null>;
  report(error: unknown): VecheError;
  describe(error: unknown): string;
  announce(text: string): void;
  emit(name: 'veche-comment-request' | 'veche-comment', detail: unknown, cancelable?: boolean): boolean;
  /** Puts focus on an element of the shadow root once rendered. */
  focus(selector: string): void;
}
