import { VecheError, findPhase, formatDate, isAbort, type Ballot, type Violation } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { dialogMethods } from '../sign-in/sign-in.types.ts';
import type { Basket, Port } from './budget-ballot.model.ts';
import { sendMessages, type SendTerms } from './budget-ballot.send.i18n.ts';
import type { BallotAction } from './budget-ballot.types.ts';

/*
 * The second half of `<veche-budget-ballot>`, loaded when the resident first asks to review (or when
 * the ballot opens on a vote already sent, or after voting closed): the review step, sending and
 * withdrawing, signing in for them, and the receipt.
 */

const SAFE_HREF = /^\s*(?:javascript|data|vbscript):/i;

const words = (p: Port): SendTerms => p.terms(sendMessages);

/** Loads English texts ahead, so the step renders in one language. */
export const ready = (p: Port): boolean => !!words(p);

/** The basket, read-only: the district, its projects (or the blank vote) and its figures. */
function choice(p: Port): TemplateResult {
  const { basket } = p.s;
  const { campaign, byId } = p.l;
  const district =
    campaign.votingRules.districtMode === 'one' && basket.districtId ? html`<p>${p.t.district(p.districtName(basket.districtId))}</p>` : nothing;
  if (!basket.selection.length) return html`${district}<p>${p.t.blank}</p>`;
  return html`${district}
    ${p.list(basket.selection.map((x) => (byId.has(x.projectId) ? p.card(byId.get(x.projectId)!, x.points ?? 1) : html`<li part="card">${x.projectId}</li>`)))}
    ${p.summary().map((line) => html`<p class="cost">${line}</p>`)}`;
}

export function review(p: Port): TemplateResult {
  const w = words(p);
  const busy = p.s.busy === 'submit';
  return html`<section part="review-step">
    <h3 id="review-title" tabindex="-1">${w.reviewTitle}</h3>
    <p><strong>${w.reviewIntro}</strong></p>
    ${choice(p)} ${failure(p)}
    <div class="actions">
      <button class="button big" part="button submit" data-variant="primary" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => send(p)}>
        ${busy ? w.sending : w.send}
      </button>
      <button class="button" part="button" type="button" @click=${() => back(p)}>${w.back}</button>
    </div>
  </section>`;
}

function back(p: Port): void {
  if (p.s.busy) return;
  p.patch({ step: 'choose', failure: undefined });
  p.focus('[part~=review]');
}

export function receipt(p: Port): TemplateResult {
  const w = words(p);
  const { basket, notice, busy } = p.s;
  const { campaign } = p.l;
  const end = findPhase(campaign, 'voting')?.end;
  const open = p.open();
  return html`<section part="receipt">
    ${notice === 'already' ? html`<p id="notice" part="notice" class="alert" data-kind="info">${p.t.already}</p>` : nothing}
    <div class="alert" data-kind="success">
      <h3 id="done" tabindex="-1"><span aria-hidden="true">✓ </span>${w.counted}</h3>
      ${basket.submittedAt ? html`<p>${w.sentAt(formatDate(basket.submittedAt, p.locale, 'datetime'))}</p>` : nothing}
      ${basket.receipt ? html`<p>${w.receipt} <strong part="code">${basket.receipt}</strong></p><p>${w.keepReceipt}</p>` : nothing}
    </div>
    <h4>${w.yourChoice}</h4>
    ${choice(p)}
    ${open && campaign.allowRevote && end
      ? html`<p>${w.withdrawHint(formatDate(end, p.locale, 'datetime'))}</p>
          ${failure(p)}
          <div>
            <button class="button" part="button withdraw" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => withdraw(p)}>
              ${w.withdraw}
            </button>
          </div>`
      : open
        ? html`<p>${p.t.finalRule}</p>`
        : nothing}
  </section>`;
}

/** After voting closed: the vote sent (its receipt), or the basket that was never sent, and the link to the results. */
export function closed(p: Port, href: string | undefined): TemplateResult {
  const w = words(p);
  const { basket } = p.s;
  const body =
    basket.status === 'submitted'
      ? receipt(p)
      : basket.selection.length
        ? html`<h3>${w.yourChoice}</h3>
            ${choice(p)}
            <p>${w.notSentClosed}</p>`
        : nothing;
  const link = href && !SAFE_HREF.test(href) ? html`<p><a part="link" class="link" href=${href}>${w.results}</a></p>` : nothing;
  return html`${body} ${failure(p)} ${link}`;
}

/** A failed submission or withdrawal, in words, with a retry where trying again can help. */
export function failure(p: Port): unknown {
  const f = p.s.failure;
  if (!f) return nothing;
  const w = words(p);
  const why = f.why ?? p.describe(f.error);
  const submit = f.action === 'submit';
  return html`<div part="error" class="alert" role="alert">
    <p>${submit ? `${w.notSentBecause(why)} ${w.kept}` : w.notWithdrawn(why)}</p>
    ${f.error.retryable || f.error.code === 'invalid-response'
      ? html`<div>
          <button class="button" part="button retry" type="button" @click=${() => (submit ? send(p) : withdraw(p))}>${p.retry}</button>
        </div>`
      : nothing}
  </div>`;
}

/**
 * Makes sure the resident is signed in for voting (opening `<veche-sign-in>` when needed) and learns
 * their ballot on the server. False, with the reason, when they did not sign in.
 */
async function signedIn(p: Port, action: BallotAction): Promise<boolean> {
  const { campaign } = p.l;
  const { identity, server } = p.s;
  if (identity && campaign.signIn.voting.includes(identity.method) && server !== undefined) return true;
  const w = words(p);
  const fail = (why: string) => {
    p.patch({ failure: { error: new VecheError('unauthorized', why), action, why } });
    return false;
  };
  if (!dialogMethods(campaign.signIn.voting, p.adapter.capabilities.signIn).length) return fail(w.hostOnly);
  const resident = (await (await p.dialog())?.open('voting')) ?? null;
  if (!resident) return fail(w.signInCancelled);
  p.patch({ identity: resident, server: await p.serverBallot(resident) });
  const fixed = resident.campaigns[campaign.id]?.districtId;
  if (fixed && campaign.votingRules.districtMode === 'one' && p.s.basket.status === 'draft') p.keep({ ...p.s.basket, districtId: fixed });
  return true;
}

/** Sends the basket; the same basket always goes with the same Idempotency-Key, so a retry never votes twice. */
export async function send(p: Port): Promise<void> {
  const { campaign } = p.l;
  if (p.s.busy) return;
  if (!p.host.emit('veche-ballot-submit-request', { campaignId: campaign.id, ...p.input(p.s.basket) }, { cancelable: true })) return;
  p.patch({ busy: 'submit', failure: undefined });
  try {
    for (let again = false; ; again = true) {
      if (!(await signedIn(p, 'submit'))) return;
      const server = p.s.server;
      if (server?.status === 'submitted') return already(p, server);
      const basket = p.s.basket;
      try {
        return accepted(p, await p.adapter.submitBallot(campaign.id, p.input(basket), { idempotencyKey: p.key(basket) }));
      } catch (e) {
        // The session ended meanwhile: sign in again, once, and send the same basket.
        if (again || VecheError.from(e).code !== 'unauthorized') throw e;
        p.patch({ server: undefined });
      }
    }
  } catch (e) {
    await failed(p, e, 'submit');
  } finally {
    p.patch({ busy: undefined });
  }
}

function accepted(p: Port, ballot: Ballot): void {
  const basket = p.fromBallot(ballot);
  p.keep(basket);
  p.patch({ server: ballot, step: 'done', notice: undefined, attempted: false, serverViolations: [] });
  p.host.emit('veche-ballot-submit', { campaignId: p.l.campaign.id, ballot });
  const w = words(p);
  p.announce(`${w.counted}. ${ballot.receipt ? `${w.receipt} ${ballot.receipt}` : ''}`);
  p.focus('#done');
}

/** A ballot sent before (another device, another tab) is the one that counts: its receipt, and this device's choice kept aside. */
function already(p: Port, ballot: Ballot): void {
  const mine = p.s.basket;
  accepted(p, ballot);
  p.patch({ notice: 'already', ...(mine.status === 'draft' ? { stash: mine } : {}) });
}

async function failed(p: Port, e: unknown, action: BallotAction): Promise<void> {
  if (isAbort(e)) return;
  const error = p.report(e);
  if (error.code === 'conflict' && action === 'submit') {
    // Sent already from elsewhere: its receipt, not an error.
    const server = await p.serverBallot(p.s.identity).catch(() => undefined);
    if (server?.status === 'submitted') return already(p, server);
  }
  if (error.code === 'rule-violation') {
    const violations = error.details?.['violations'];
    p.patch({ serverViolations: Array.isArray(violations) ? (violations as Violation[]) : [], step: 'choose', attempted: true });
    p.focus('#issues');
  }
  if (error.code === 'phase-closed') p.reload();
  p.patch({ failure: { error, action } });
}

/** Withdraws the ballot sent; the choice comes back as a draft that does not count until sent again. */
export async function withdraw(p: Port): Promise<void> {
  if (p.s.busy) return;
  p.patch({ busy: 'withdraw', failure: undefined });
  try {
    if (!(await signedIn(p, 'withdraw'))) return;
    if (p.s.server?.status === 'submitted') await p.adapter.withdrawBallot(p.l.campaign.id, { idempotencyKey: p.nonce() });
    reopen(p);
  } catch (e) {
    if (VecheError.from(e).code === 'not-found') reopen(p);
    else await failed(p, e, 'withdraw');
  } finally {
    p.patch({ busy: undefined });
  }
}

function reopen(p: Port): void {
  const { receipt: _r, submittedAt: _s, ...rest } = p.s.basket;
  const mine = p.s.stash;
  const basket: Basket = { ...rest, ...(mine && p.input(mine)), status: 'draft', nonce: p.nonce(), updatedAt: new Date().toISOString() };
  const server: Ballot = { campaignId: p.l.campaign.id, status: 'draft', updatedAt: basket.updatedAt, ...p.input(basket) };
  p.keep(basket);
  p.patch({ server, stash: undefined, step: 'choose', notice: 'withdrawn' });
  p.host.emit('veche-ballot-withdraw', { campaignId: p.l.campaign.id, ballot: server });
  p.announce(p.t.withdrawn);
  p.focus('#notice');
}
