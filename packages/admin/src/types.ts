import type { Campaign, Project, Results } from '@veche/core';

export type Role = 'administrator' | 'moderator' | 'viewer';

export interface StaffView {
  id: string;
  email: string;
  name: string;
  role: Role;
  totp: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  expiresAt?: string;
}

export interface CampaignSummary {
  id: string;
  title: string;
  embedOrigins: string[];
  projects: number;
  ballots: number;
}

export interface CampaignDetail {
  campaign: Campaign;
  embedOrigins: string[];
  locked: boolean;
  phase: string | null;
  counts: { projects: Record<string, number>; ballots: number; codes: number; codesUsed: number };
}

export interface AdminProject {
  project: Project;
  supports: number;
  author: { name?: string; email?: string; phone?: string } | null;
  submittedAt: string;
}

/** One line of the audit log: the server's own type (type-only, nothing of the server is bundled). */
export type { AuditEntry } from '../../server/src/service/audit.ts';

export interface ResultsPreview {
  results: Results;
  projects: { id: string; title: string; cost: number; districtId?: string }[];
}

export interface CodeStats {
  issued: number;
  used: number;
  batches: { createdAt: string; districtId: string | null; issued: number; used: number }[];
}
