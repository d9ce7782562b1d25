import type { Identity } from '@veche/core';
import { defineLazily } from '../base/define-lazily.ts';
import { accessOf, type PollPort, type VechePollDetail, type View } from './poll.model.ts';
import { sendMessages } from './poll.send.i18n.ts';

/*
 * Sending the answer of `<veche-poll>`, loaded when the resident first picks an option or sends: the
 * checks, the cancelable request, signing in when the poll is for residents, the call with its
 * Idempotency-Key, and what a failure says. The choices stay in the form (and localStorage) until counted.
 */

export { sendMessages };

/** Sends the answer; `again` after the session ended meanwhile (no second request event). */
export async function send(p: PollPort, again = false): Promise<void> {
  const adapter = p.adapter();
  const view = p.view();
  if (!adapter?.answerPoll || !view || (p.busy() && !again)) return;
  const t = p.t();
  const w = p.terms(sendMessages);
  const d = p.draft();
  const other = d.otherOn ? d.other.trim() : '';
  if (d.otherOn && !other) return p.fail(w.writeOther);
  if (d.choices.length === 0 && !other) return p.fail(w.choose);
  const detail: VechePollDetail = { pollId: view.poll.id, choices: d.choices, ...(other ? { other } : {}) };
  if (!again && !p.emit('veche-poll-request', detail, true)) return;
  p.setBusy(true);
  p.fail();
  p.key ||= globalThis.crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  try {
    const access = accessOf(view);
    if (access === 'sign-in' || access === 'wrong-method') {
      const identity = await signIn(p, view);
      if (!identity) return;
      p.setView({ ...view, identity, ...(await adapter.getPoll!(view.poll.id)) });
      if (p.view()!.answer) return;
    } else if (access !== 'ok') return;
    const next = await adapter.answerPoll(view.poll.id, { choices: detail.choices, ...(other ? { other } : {}) }, { idempotencyKey: p.key });
    p.setView({ ...p.view()!, ...next });
    p.key = '';
    p.setDraft({ choices: [], otherOn: false, other: '' });
    p.announce(w.done);
    p.emit('veche-poll-answer', detail);
  } catch (e) {
    const error = p.report(e);
    if (error.code === 'unauthorized' && !again) {
      p.setView({ ...view, identity: null });
      return send(p, true);
    }
    p.fail(`${t.failed} ${error.code === 'conflict' ? w.already : p.describe(error)}`, error);
    // Answered meanwhile (another tab, this device before), or closed: show what the server says now.
    if (error.code === 'conflict' || error.code === 'phase-closed') p.reload();
  } finally {
    p.setBusy(false);
  }
}

async function signIn(p: PollPort, view: View): Promise<Identity | null> {
  await defineLazily('veche-sign-in', () => import('../sign-in/define.ts'));
  const dialog = await p.signInDialog();
  if (!dialog) return null;
  dialog.methods = view.signIn;
  await dialog.updateComplete;
  return dialog.open('support');
}
