/**
 * A small JSON Schema (draft-07) validator for the tests of the CI formats: the
 * keywords the SARIF 2.1.0 and reviewdog schemas use (type, enum, properties,
 * required, additionalProperties, items, minItems, uniqueItems, minimum,
 * maximum, pattern, anyOf, format uri / uri-reference, $ref into
 * #/definitions). Returns every violation as `path: what`.
 */
export type Schema = { [k: string]: unknown } | boolean;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/** RFC 3986 characters only (non-ASCII must be percent-encoded), no stray %. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const defs = (root as { definitions?: Record<string, Schema> }).definitions;
    if (!m || !defs || !(m[1] in defs)) throw new Error(`unresolvable $ref ${ref}`);
    return defs[m[1]];
  };
  const check = (schema: Schema, v: unknown, at: string): void => {
    if (schema === true) return;
    if (schema === false) {
      errors.push(`${at}: not allowed`);
      return;
    }
    const s = schema;
    if (typeof s.$ref === 'string') check(resolve(s.$ref), v, at);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeMatches(v, t))) {
        errors.push(`${at}: expected ${types.join('|')}, got ${typeOf(v)}`);
        return;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
      errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
    }
    if (Array.isArray(s.anyOf)) {
      const before = errors.length;
      const ok = (s.anyOf as Schema[]).some((sub) => {
        const mark = errors.length;
        check(sub, v, at);
        const fine = errors.length === mark;
        errors.length = mark;
        return fine;
      });
      errors.length = before;
      if (!ok) errors.push(`${at}: matches none of anyOf`);
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${at}: ${v} < minimum ${s.minimum}`);
      if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${at}: ${v} > maximum ${s.maximum}`);
    }
    if (typeof v === 'string') {
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(v)) errors.push(`${at}: does not match ${s.pattern}`);
      if (s.format === 'uri-reference' && !URI_REFERENCE.test(v)) errors.push(`${at}: not a URI reference: ${v}`);
      if (s.format === 'uri' && !URI.test(v)) errors.push(`${at}: not a URI: ${v}`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
      if (s.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errors.push(`${at}: items not unique`);
      if (s.items !== undefined) v.forEach((x, i) => check(s.items as Schema, x, `${at}[${i}]`));
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!(r in o)) errors.push(`${at}: missing required ${r}`);
      for (const [k, x] of Object.entries(o)) {
        if (k in props) check(props[k], x, `${at}.${k}`);
        else if (s.additionalProperties !== undefined) check(s.additionalProperties as Schema, x, `${at}.${k}`);
      }
    }
  };
  check(root, value, '$');
  return errors;
}
