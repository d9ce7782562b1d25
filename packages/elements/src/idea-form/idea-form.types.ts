import type { ConsentKind, IdeaIssueCode } from '@veche/core';

/** The text fields of the form, in the order a resident meets them; each is also its input's `id` and `name`. */
export const TEXT_FIELDS = ['title', 'summary', 'description', 'category', 'district', 'cost', 'address', 'lat', 'lng', 'name', 'contact'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields with a length limit from `campaign.ideaLimits` and a live counter. */
export const COUNTED_FIELDS = ['title', 'summary', 'description'] as const;
export type CountedField = (typeof COUNTED_FIELDS)[number];

/**
 * A field the form can show a message next to: a text field, the photo picker, one photo's alt text
 * (`alt-<photo id>`) or one consent (`consent-<kind>`).
 */
export type FieldId = TextField | 'photos' | `alt-${number}` | `consent-${ConsentKind}`;

/** Why the form refuses a value: `checkIdea`'s codes plus the checks only a browser form needs. */
export type IssueCode =
  | IdeaIssueCode
  | 'contact-format'
  | 'cost-format'
  | 'coordinate'
  | 'coordinates-pair'
  | 'alt-required'
  | 'uploading'
  | 'upload-failed'
  | 'invalid';

/** A photo of the idea: uploaded (`done`), on its way, or refused by the adapter. */
export interface Photo {
  id: number;
  status: 'uploading' | 'failed' | 'done';
  alt: string;
  /** Where the adapter stored it (once `done`). */
  url?: string;
  width?: number;
  height?: number;
  /** A local `blob:` address for the preview, or the stored `url`. */
  preview: string;
  /** The file itself while it is not uploaded (for a retry); never saved in the draft. */
  file?: Blob;
  name?: string;
  error?: string;
}

/** A point chosen for the idea: from the fields, a map picker in the `location` slot, or the host. */
export interface IdeaLocation {
  lat: number;
  lng: number;
  address?: string;
  /** The district the point lies in, when the picker knows it. */
  districtId?: string;
}
