import type * as z from 'zod/mini';
import { VecheError, type VecheErrorCode } from '../adapter/errors.ts';

export interface FieldIssue {
  /** The field, as a dotted path: `phases[2].end`. */
  field: string;
  message: string;
}

const pathToString = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');

const MESSAGES: Record<string, string> = {
  invalid_type: 'has the wrong type',
  invalid_value: 'is not one of the allowed values',
  unrecognized_keys: 'has unknown fields',
};

/** Turns zod issues into `field: message` pairs. */
export function fieldIssues(error: z.core.$ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = pathToString(issue.path);
    const field = prefix && path ? `${prefix}.${path}` : prefix || path || '(value)';
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      message = `expected ${issue.expected}, got ${describe(issue.input)}`;
    } else if (issue.code === 'invalid_value' && 'values' in issue) {
      message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (issue.code === 'invalid_union') {
      message = 'does not match any allowed form';
    } else if (/^Invalid input/.test(message)) {
      message = MESSAGES[issue.code] ?? message;
    }
    return { field, message };
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `${value}`;
  return typeof value;
}

/**
 * Parses `data` with `schema`; on failure throws a VecheError whose message names every bad field
 * and whose `details.issues` lists them.
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  what: string,
  code: VecheErrorCode = 'invalid-input',
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.infer<S>;
  const issues = fieldIssues(result.error);
  const list = issues.map((i) => `${i.field} ${i.message}`).join('; ');
  throw new VecheError(code, `Invalid ${what}: ${list}`, { details: { issues } });
}
