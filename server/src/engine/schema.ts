/**
 * A validator for the subset of JSON Schema (draft-07) that the profile schema
 * (schemas/profile.schema.json) uses, so that the schema VS Code shows a user
 * editing a profile is the same one the engine checks profiles against. Each
 * problem names the field (`parts[2].headingPatterns[0]`) in Chinese.
 *
 * Supported: type (one or several), properties, required,
 * additionalProperties (false or a schema), items, enum, minLength, minItems,
 * pattern, format "regex" (the string must compile as a JavaScript pattern).
 */

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  minLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
  title?: string;
  $schema?: string;
  $id?: string;
}

/** The keywords validate() understands; a schema using others would be checked only in part. */
export const SUPPORTED_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'minLength', 'minItems', 'pattern', 'format',
  'description', 'title', '$schema', '$id',
]);

export interface SchemaProblem {
  /** The field, as a path: `parts[2].slot`; empty for the whole document. */
  path: string;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: 'true 或 false',
  object: 'JSON 对象',
  array: '列表',
  null: 'null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Every problem of `value` against `schema` (the first per field: a wrong type stops the look inside). */
export function validate(value: unknown, schema: SchemaNode, path = ''): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((t) => hasType(value, t))) {
    const names = types.map((t) => TYPE_NAMES[t] ?? t).join('或');
    out.push({ path, message: `应为${/^[a-z]/i.test(names) ? ' ' : ''}${names}` });
    return out;
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    out.push({ path, message: `应为 ${schema.enum.map((e) => JSON.stringify(e)).join('、')} 之一` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push({ path, message: '不能为空' });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) out.push({ path, message: `「${value}」的写法不符合要求（${schema.pattern}）` });
    if (schema.format === 'regex') {
      try {
        new RegExp(value);
      } catch {
        out.push({ path, message: `正则表达式「${value}」写法有误` });
      }
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push({ path, message: `至少应有 ${schema.minItems} 项` });
    if (schema.items) value.forEach((v, i) => out.push(...validate(v, schema.items!, join(path, i))));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in obj)) out.push({ path: join(path, key), message: '缺少这一字段' });
    }
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (sub) out.push(...validate(v, sub, join(path, key)));
      else if (schema.additionalProperties === false) out.push({ path: join(path, key), message: '不是配置档案的字段（请检查拼写）' });
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.push(...validate(v, schema.additionalProperties, join(path, key)));
    }
  }
  return out;
}

/** The keywords of `schema` (and its sub-schemas) that validate() does not understand. */
export function unsupportedKeywords(schema: SchemaNode, path = '#'): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema)) {
    if (!SUPPORTED_KEYWORDS.has(k)) out.push(`${path}/${k}`);
    if (k === 'properties') for (const [p, s] of Object.entries(v as Record<string, SchemaNode>)) out.push(...unsupportedKeywords(s, `${path}/properties/${p}`));
    if ((k === 'items' || k === 'additionalProperties') && typeof v === 'object') out.push(...unsupportedKeywords(v as SchemaNode, `${path}/${k}`));
  }
  return out;
}
