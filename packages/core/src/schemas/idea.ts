import * as z from 'zod/mini';
import { CONSENT_KINDS } from '../domain/values.ts';
import { Id, Image, Location, Money, text } from './common.ts';

/** A resident's answer to one consent text (152-ФЗ: separate, never pre-ticked). */
export const Consent = z.object({
  kind: z.enum(CONSENT_KINDS),
  /** The version of the consent text the resident saw. */
  version: text(40, 1),
  accepted: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

export const IdeaAuthor = z.object({
  name: z.optional(text(200)),
  email: z.optional(
    z.string().check(z.trim(), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address')),
  ),
  phone: z.optional(
    z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{5,20}$/, 'must be a phone number such as +7 391 000-00-00')),
  ),
});
export type IdeaAuthor = z.infer<typeof IdeaAuthor>;

/**
 * An idea as a resident submits it. Hard caps live here; the campaign's own, tighter limits are
 * checked by `checkIdea`.
 */
export const IdeaInput = z.object({
  title: text(300, 1),
  summary: z.optional(text(1000)),
  description: text(20000, 1),
  cost: z.optional(Money),
  districtId: z.optional(Id),
  categoryIds: z._default(z.array(Id).check(z.maxLength(10)), []),
  location: z.optional(Location),
  images: z._default(z.array(Image).check(z.maxLength(10, 'must hold at most 10 images')), []),
  author: z._default(IdeaAuthor, {}),
  consents: z.array(Consent).check(z.maxLength(10)),
});
export type IdeaInput = z.infer<typeof IdeaInput>;
export type IdeaInputDraft = z.input<typeof IdeaInput>;

export const IdeaReceipt = z.object({
  id: Id,
  status: z.literal('submitted'),
});
export type IdeaReceipt = z.infer<typeof IdeaReceipt>;

/** An image the adapter stored for an idea, ready to put into `IdeaInput.images`. */
export const UploadedImage = z.object({
  url: z.string().check(z.maxLength(2048)),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
});
export type UploadedImage = z.infer<typeof UploadedImage>;
