// fast-check arbitraries from the JSON Schemas of an OpenAPI document (the subset zod's toJSONSchema
// writes): values that satisfy the schema, values one step off it (a field missing, of the wrong type,
// too long, out of range), and any JSON at all.
import fc from 'fast-check';

export type Schema = Record<string, unknown>;

const MAX_DEPTH = 6;

/** One character of a generated string: Latin, Cyrillic, digits, spaces and punctuation, any code point. */
const UNIT = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', 'я', 'Ё', ' ', '-', '1', '.', '/', '%', '"', '<', '\u0000', '\u202e') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** A regular expression fast-check can generate from: Unicode classes as concrete ranges. */
function generatable(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern.replace(/\\p\{L\}/g, 'a-zA-Zа-яА-ЯёЁ').replace(/\\p\{N\}/g, '0-9'));
  } catch {
    return undefined;
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = typeof schema['maxLength'] === 'number' ? Math.min(schema['maxLength'], 400) : 60;
  if (schema['format'] === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema['format'] === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema['format'] === 'email') return fc.emailAddress();
  if (schema['format'] === 'uri' || schema['format'] === 'url') return fc.webUrl();
  if (typeof schema['pattern'] === 'string') {
    const re = generatable(schema['pattern']);
    if (re) {
      const strict = new RegExp(schema['pattern'], 'u');
      return fc.stringMatching(re).filter((s) => s.length >= minLength && s.length <= maxLength && strict.test(s));
    }
  }
  return fc.string({ minLength, maxLength, unit: UNIT });
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] + (integer ? 1 : 1e-9) : -1e9;
  const hi = typeof schema['maximum'] === 'number' ? schema['maximum'] : typeof schema['exclusiveMaximum'] === 'number' ? schema['exclusiveMaximum'] - (integer ? 1 : 1e-9) : 1e9;
  const min = Math.max(lo, Number.MIN_SAFE_INTEGER);
  const max = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (integer) return fc.oneof(fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31 - 1)) }), fc.constantFrom(Math.ceil(min), Math.floor(max)));
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values that satisfy `schema` (references resolved against `root`). */
export function valid(schema: Schema, root: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema['$ref'] === 'string') {
    const target = schema['$ref'].replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root);
    return depth > MAX_DEPTH ? fc.constant(null) : valid((target ?? {}) as Schema, root, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...(schema[key] as Schema[]).map((s) => valid(s, root, depth + 1)));
  }
  if (Array.isArray(schema['allOf'])) return valid(Object.assign({}, ...(schema['allOf'] as Schema[])), root, depth + 1);
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]) : typeof schema['type'] === 'string' ? [schema['type']] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => valid({ ...schema, type: t }, root, depth)));
  switch (type[0]) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      const maxLength = typeof schema['maxItems'] === 'number' ? Math.min(schema['maxItems'], Math.max(minLength, 6)) : 4;
      if (Array.isArray(schema['prefixItems'])) return fc.tuple(...(schema['prefixItems'] as Schema[]).map((s) => valid(s, root, depth + 1)));
      return fc.array(valid((schema['items'] ?? {}) as Schema, root, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      if (depth > MAX_DEPTH) return fc.constant({});
      const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
      const required = new Set((schema['required'] ?? []) as string[]);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, s] of Object.entries(properties)) shape[key] = valid(s, root, depth + 1);
      const record = fc.record(shape, { requiredKeys: Object.keys(shape).filter((k) => required.has(k)) });
      if (Object.keys(properties).length === 0 && typeof schema['additionalProperties'] === 'object') {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valid(schema['additionalProperties'] as Schema, root, depth + 1), { maxKeys: 4 });
      }
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Something of another JSON type than `schema` wants, or a value just outside its limits. */
function wrong(schema: Schema): fc.Arbitrary<unknown> {
  const off: fc.Arbitrary<unknown>[] = [fc.constantFrom(null, true, 0, -1, 1.5, '', 'x', [], {}, 'NaN', '__proto__', '1e309', '<script>alert(1)</script>', '\u0000', "' or 1=1 --")];
  if (typeof schema['maxLength'] === 'number') off.push(fc.constant('я'.repeat(schema['maxLength'] + 1)));
  if (typeof schema['maxItems'] === 'number') off.push(fc.constant(Array.from({ length: schema['maxItems'] + 1 }, () => ({}))));
  if (typeof schema['maximum'] === 'number') off.push(fc.constantFrom(schema['maximum'] + 1, schema['maximum'] * 1e6, Number.MAX_SAFE_INTEGER + 2));
  if (typeof schema['minimum'] === 'number') off.push(fc.constantFrom(schema['minimum'] - 1, -1e300));
  return fc.oneof(...off);
}

/**
 * Mostly valid values with one thing wrong somewhere: a property dropped, replaced by a wrong value,
 * or an unknown one added; an array item wrong; now and then any JSON at all.
 */
export function nearlyValid(schema: Schema, root: Schema, depth = 0): fc.Arbitrary<unknown> {
  const resolved = typeof schema['$ref'] === 'string' ? (schema['$ref'].replace(/^#\//, '').split('/').reduce<unknown>((n, k) => (n as Schema)?.[k], root) as Schema) : schema;
  const properties = (resolved['properties'] ?? {}) as Record<string, Schema>;
  const keys = Object.keys(properties);
  const options: fc.Arbitrary<unknown>[] = [valid(resolved, root, depth), wrong(resolved), fc.jsonValue({ maxDepth: 3 })];
  if (keys.length > 0 && depth < MAX_DEPTH) {
    const whole = valid(resolved, root, depth) as fc.Arbitrary<Record<string, unknown>>;
    options.push(
      fc.tuple(whole, fc.constantFrom(...keys)).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = value;
        return rest;
      }),
      fc.tuple(whole, fc.constantFrom(...keys)).chain(([value, key]) => nearlyValid(properties[key]!, root, depth + 1).map((bad) => ({ ...value, [key]: bad }))),
      fc.tuple(whole, fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })).map(([value, key, extra]) => ({ ...value, [key]: extra })),
    );
  }
  if (resolved['type'] === 'array' && resolved['items'] && depth < MAX_DEPTH) {
    options.push(fc.array(nearlyValid(resolved['items'] as Schema, root, depth + 1), { maxLength: 3 }));
  }
  return fc.oneof(...options);
}
