import { VecheError } from '../adapter/errors.ts';
import type { Campaign } from '../schemas/campaign.ts';
import type { Project } from '../schemas/project.ts';
import type { IdeaInput } from '../schemas/idea.ts';
import type { FieldIssue } from '../schemas/validate.ts';

export type IdeaIssueCode =
  | 'required'
  | 'too-long'
  | 'too-many'
  | 'unknown-district'
  | 'unknown-category'
  | 'consent-required'
  | 'consent-outdated'
  | 'over-budget'
  | 'contact-required';

export interface IdeaIssue extends FieldIssue {
  code: IdeaIssueCode;
  limit?: number;
}

/**
 * Checks an idea against the campaign: its length limits, districts, categories, the required
 * consents in their current version, and a way to reach the author. The idea form shows these next to
 * the fields; the server refuses an idea that has any.
 */
export function checkIdea(
  campaign: Pick<Campaign, 'ideaLimits' | 'districts' | 'categories' | 'consents' | 'budget'>,
  idea: Pick<IdeaInput, 'title' | 'summary' | 'description' | 'cost' | 'districtId' | 'categoryIds' | 'images' | 'consents' | 'author'>,
): IdeaIssue[] {
  const issues: IdeaIssue[] = [];
  const limits = campaign.ideaLimits;
  const length = (field: 'title' | 'summary' | 'description', value: string | undefined, required: boolean) => {
    const text = value?.trim() ?? '';
    if (required && text.length === 0) issues.push({ field, code: 'required', message: 'is required' });
    else if (text.length > limits[field]) {
      issues.push({ field, code: 'too-long', limit: limits[field], message: `must be at most ${limits[field]} characters` });
    }
  };
  length('title', idea.title, true);
  length('summary', idea.summary, false);
  length('description', idea.description, true);

  if (idea.images.length > limits.photos) {
    issues.push({ field: 'images', code: 'too-many', limit: limits.photos, message: `may hold at most ${limits.photos} photos` });
  }
  if (idea.districtId !== undefined && !campaign.districts.some((d) => d.id === idea.districtId)) {
    issues.push({ field: 'districtId', code: 'unknown-district', message: 'is not a district of this campaign' });
  }
  idea.categoryIds.forEach((id, i) => {
    if (!campaign.categories.some((c) => c.id === id)) {
      issues.push({ field: `categoryIds[${i}]`, code: 'unknown-category', message: 'is not a category of this campaign' });
    }
  });
  if (idea.cost !== undefined && idea.cost > campaign.budget) {
    issues.push({ field: 'cost', code: 'over-budget', limit: campaign.budget, message: 'is more than the whole budget' });
  }
  for (const text of campaign.consents) {
    if (!text.required) continue;
    const given = idea.consents.find((c) => c.kind === text.kind);
    const field = `consents.${text.kind}`;
    if (!given?.accepted) issues.push({ field, code: 'consent-required', message: 'must be given to submit an idea' });
    else if (given.version !== text.version) {
      issues.push({ field, code: 'consent-outdated', message: `was given to version ${given.version}, the current one is ${text.version}` });
    }
  }
  if (!idea.author.email && !idea.author.phone) {
    issues.push({ field: 'author.contact', code: 'contact-required', message: 'needs an e-mail address or a phone number' });
  }
  return issues;
}

/** The `invalid-input` error for an idea's issues: every field named in the message and in `details.issues`. */
export function invalidIdea(issues: readonly { field: string; message: string }[]): VecheError {
  return new VecheError('invalid-input', `Invalid idea: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, {
    details: { issues },
  });
}

/**
 * The project an idea becomes while it waits for moderation. The author's name is public only with the
 * `publish-name` consent; contacts and consents never enter the project.
 */
export function ideaToProject(idea: IdeaInput, id: string, campaignId: string, now: string): Project {
  const publishName = idea.consents.some((c) => c.kind === 'publish-name' && c.accepted);
  return {
    id,
    campaignId,
    title: idea.title,
    description: idea.description,
    cost: idea.cost ?? 0,
    status: 'submitted',
    categoryIds: idea.categoryIds,
    images: idea.images,
    coFunding: [],
    milestones: [],
    createdAt: now,
    ...(idea.summary ? { summary: idea.summary } : {}),
    ...(idea.districtId ? { districtId: idea.districtId } : {}),
    ...(idea.location ? { location: idea.location } : {}),
    ...(publishName && idea.author.name ? { authorName: idea.author.name } : {}),
  };
}
