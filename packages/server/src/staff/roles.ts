/** Staff roles: an administrator does everything, a moderator handles ideas, comments and updates, a viewer reads reports. */
export const STAFF_ROLES = ['administrator', 'moderator', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const isStaffRole = (value: unknown): value is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(value);

/** Who is acting: a signed-in staff member, the ADMIN_TOKEN (automation) or the command line. */
export interface Actor {
  kind: 'staff' | 'token' | 'cli';
  role: StaffRole;
  /** What the audit log shows: "Name <email>", "ADMIN_TOKEN" or "CLI". */
  label: string;
  staffId?: string;
  email?: string;
  /** The hash of the staff session's token. */
  sessionHash?: string;
  ip?: string;
}

export const TOKEN_ACTOR: Actor = { kind: 'token', role: 'administrator', label: 'ADMIN_TOKEN' };
export const CLI_ACTOR: Actor = { kind: 'cli', role: 'administrator', label: 'CLI' };
