/**
 * The schemas the CI formats are validated against in the tests (no network
 * in CI, so they live here).
 *
 * SARIF: a faithful subset of the OASIS SARIF 2.1.0 JSON schema
 * (sarif-schema-2.1.0.json): every object the CLI writes, with the standard's
 * own property names, `required` lists, enums, minimums and uniqueness, and
 * `additionalProperties: false` as the standard has it, so a misspelt or
 * invented property fails. Objects the CLI never writes are left out; a
 * property that the standard allows but the CLI never writes may be missing
 * from a list below (which errs on the strict side).
 *
 * rdjson: reviewdog's DiagnosticResult (proto/rdf/reviewdog.proto), strict in
 * the same way.
 */
import { Schema } from './json-schema';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const uniqueArray = (item: Schema, minItems = 0) => ({ type: 'array', minItems, uniqueItems: true, items: item });
const anyArray = (item: Schema, minItems = 0) => ({ type: 'array', minItems, uniqueItems: false, items: item });
const object = (properties: Record<string, Schema>, required: string[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties: { ...properties, properties: ref('propertyBag') },
  required,
  ...extra,
});
const integerFrom = (minimum: number) => ({ type: 'integer', minimum });
const LEVEL = { enum: ['none', 'note', 'warning', 'error'] };

export const SARIF_SCHEMA: Schema = {
  ...object(
    {
      $schema: { type: 'string', format: 'uri' },
      version: { enum: ['2.1.0'] },
      runs: anyArray(ref('run')),
    },
    ['version', 'runs'],
  ),
  definitions: {
    propertyBag: { type: 'object', properties: { tags: uniqueArray({ type: 'string' }) } },
    run: object(
      {
        tool: ref('tool'),
        invocations: anyArray(ref('invocation')),
        language: { type: 'string', pattern: '^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$' },
        originalUriBaseIds: { type: 'object', additionalProperties: ref('artifactLocation') },
        results: anyArray(ref('result')),
        columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
      },
      ['tool'],
    ),
    tool: object({ driver: ref('toolComponent'), extensions: uniqueArray(ref('toolComponent')) }, ['driver']),
    toolComponent: object(
      {
        name: { type: 'string' },
        fullName: { type: 'string' },
        version: { type: 'string' },
        semanticVersion: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        shortDescription: ref('multiformatMessageString'),
        fullDescription: ref('multiformatMessageString'),
        language: { type: 'string' },
        rules: uniqueArray(ref('reportingDescriptor')),
      },
      ['name'],
    ),
    reportingDescriptor: object(
      {
        id: { type: 'string' },
        name: { type: 'string' },
        shortDescription: ref('multiformatMessageString'),
        fullDescription: ref('multiformatMessageString'),
        defaultConfiguration: ref('reportingConfiguration'),
        helpUri: { type: 'string', format: 'uri' },
        help: ref('multiformatMessageString'),
      },
      ['id'],
    ),
    reportingConfiguration: object({
      enabled: { type: 'boolean' },
      level: LEVEL,
      rank: { type: 'number', minimum: -1, maximum: 100 },
    }),
    multiformatMessageString: object({ text: { type: 'string' }, markdown: { type: 'string' } }, ['text']),
    message: object(
      {
        text: { type: 'string' },
        markdown: { type: 'string' },
        id: { type: 'string' },
        arguments: anyArray({ type: 'string' }),
      },
      [],
      { anyOf: [{ required: ['text'] }, { required: ['id'] }] },
    ),
    result: object(
      {
        ruleId: { type: 'string' },
        ruleIndex: integerFrom(-1),
        kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
        level: LEVEL,
        message: ref('message'),
        locations: anyArray(ref('location')),
        partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
        fixes: uniqueArray(ref('fix')),
      },
      ['message'],
    ),
    location: object({
      id: integerFrom(-1),
      physicalLocation: ref('physicalLocation'),
      message: ref('message'),
    }),
    physicalLocation: object(
      {
        artifactLocation: ref('artifactLocation'),
        region: ref('region'),
        contextRegion: ref('region'),
      },
      [],
      { anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }] },
    ),
    artifactLocation: object({
      uri: { type: 'string', format: 'uri-reference' },
      uriBaseId: { type: 'string' },
      index: integerFrom(-1),
      description: ref('message'),
    }),
    region: object({
      startLine: integerFrom(1),
      startColumn: integerFrom(1),
      endLine: integerFrom(1),
      endColumn: integerFrom(1),
      charOffset: integerFrom(-1),
      charLength: integerFrom(0),
      byteOffset: integerFrom(-1),
      byteLength: integerFrom(0),
      message: ref('message'),
    }),
    fix: object({ description: ref('message'), artifactChanges: uniqueArray(ref('artifactChange'), 1) }, ['artifactChanges']),
    artifactChange: object({ artifactLocation: ref('artifactLocation'), replacements: anyArray(ref('replacement'), 1) }, [
      'artifactLocation',
      'replacements',
    ]),
    replacement: object({ deletedRegion: ref('region'), insertedContent: ref('artifactContent') }, ['deletedRegion']),
    artifactContent: object({ text: { type: 'string' }, binary: { type: 'string' } }),
    invocation: object(
      {
        commandLine: { type: 'string' },
        arguments: anyArray({ type: 'string' }),
        executionSuccessful: { type: 'boolean' },
        exitCode: { type: 'integer' },
        toolExecutionNotifications: anyArray(ref('notification')),
        toolConfigurationNotifications: anyArray(ref('notification')),
        workingDirectory: ref('artifactLocation'),
      },
      ['executionSuccessful'],
    ),
    notification: object(
      {
        locations: uniqueArray(ref('location')),
        message: ref('message'),
        level: LEVEL,
      },
      ['message'],
    ),
  },
};

const position = object({ line: { type: 'integer' }, column: { type: 'integer' } });
const rdRange = { ...object({ start: ref('position'), end: ref('position') }) };

export const RDJSON_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    diagnostics: anyArray(ref('diagnostic')),
    source: ref('source'),
    severity: ref('severity'),
  },
  definitions: {
    severity: { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] },
    source: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, url: { type: 'string' } } },
    position: { ...position, properties: { line: { type: 'integer' }, column: { type: 'integer' } } },
    range: { ...rdRange, properties: { start: ref('position'), end: ref('position') } },
    diagnostic: {
      type: 'object',
      additionalProperties: false,
      properties: {
        message: { type: 'string' },
        location: {
          type: 'object',
          additionalProperties: false,
          properties: { path: { type: 'string' }, range: ref('range') },
        },
        severity: ref('severity'),
        source: ref('source'),
        code: { type: 'object', additionalProperties: false, properties: { value: { type: 'string' }, url: { type: 'string' } } },
        suggestions: anyArray({
          type: 'object',
          additionalProperties: false,
          properties: { range: ref('range'), text: { type: 'string' } },
        }),
        original_output: { type: 'string' },
      },
    },
  },
};
