import assert from 'node:assert/strict';
import { describe as describeSchema, expectedTypeAt, propertiesOf, schemaAt } from '../../../server/src/core/schema/load-schema';

describe('schema lookups', () => {
  it('schemaAt follows $ref, items and properties down to a nested field', () => {
    const skill = schemaAt(['spec', 'agents', 3, 'enabledSkills', 0, 'skill']);
    assert.equal(skill?.type, 'string');
    assert.match(skill?.description ?? '', /namespace\/name/);
  });

  it('schemaAt keeps the referencing property description over the definition one', () => {
    const auth = schemaAt(['spec', 'connectors', 0, 'auth']);
    assert.match(auth?.description ?? '', /It cannot be null/);
    assert.ok(auth?.properties?.type);
  });

  it('schemaAt reaches free-form map values and stops inside free-form objects', () => {
    assert.equal(schemaAt(['spec', 'connectors', 0, 'headers', 'X-Anything'])?.type, 'string');
    assert.equal(schemaAt(['spec', 'agents', 0, 'hooks', 'on_user_message', 'x']), undefined);
    assert.equal(schemaAt(['spec', 'nope']), undefined);
  });

  it('schemaAt reads JSON Schema fields with JSON Schema\'s keywords, nested schemas included', () => {
    assert.match(schemaAt(['spec', 'functions', 0, 'inputSchema', 'required'])?.description ?? '', /property names/);
    assert.ok(schemaAt(['spec', 'stores', 0, 'schema', 'properties', 'count', 'items', 'anyOf', 0, 'type'])?.examples?.includes('integer'));
    assert.ok(Object.keys(propertiesOf(schemaAt(['spec', 'connectors', 0, 'operations', 0, 'parameters'])!)).includes('additionalProperties'));
    assert.equal(schemaAt(['spec', 'functions', 0, 'inputSchema', 'nope']), undefined);
  });

  it('propertiesOf lists the keys of a resource', () => {
    const keys = Object.keys(propertiesOf(schemaAt(['spec', 'schedules', 0])!));
    for (const key of ['name', 'scheduleType', 'functionName', 'agentName', 'content', 'cronExpression', 'isActive']) assert.ok(keys.includes(key), key);
  });

  it('expectedTypeAt gives the type a substitution must produce', () => {
    assert.equal(expectedTypeAt(['spec', 'functions', 0, 'timeout']), 'integer');
    assert.equal(expectedTypeAt(['spec', 'agents', 0, 'temperature']), 'number');
    assert.equal(expectedTypeAt(['spec', 'collections', 0, 'isPublic']), 'boolean');
    assert.equal(expectedTypeAt(['spec', 'connectors', 0, 'baseUrl']), 'string');
    assert.equal(expectedTypeAt(['spec', 'agents', 0, 'llmProviderName']), 'string');
    assert.equal(expectedTypeAt(['spec', 'agents', 0, 'enabledSkills', 0]), 'string');
    assert.equal(expectedTypeAt(['spec', 'agents', 0, 'enabledFunctions']), 'array');
    assert.equal(expectedTypeAt(['spec', 'functions', 0, 'inputSchema']), 'object');
    assert.deepEqual(expectedTypeAt(['spec', 'connectors', 0, 'auth', 'type']), ['none', 'bearer', 'basic', 'api_key', 'sinas_token']);
    assert.deepEqual(expectedTypeAt(['spec', 'webhooks', 0, 'httpMethod']), ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    assert.deepEqual(expectedTypeAt(['apiVersion']), ['sinas.co/v1']);
    assert.equal(expectedTypeAt(['spec', 'schedules', 0, 'inputData', 'anything']), undefined);
  });

  it('describe() gives hover text with type, default and allowed values', () => {
    const text = describeSchema(schemaAt(['spec', 'connectors', 0, 'auth', 'type'])!);
    assert.match(text, /Authentication scheme/);
    assert.match(text, /Default: `none`/);
    assert.match(text, /`api_key` — /);
    const timeout = describeSchema(schemaAt(['spec', 'functions', 0, 'timeout'])!);
    assert.match(timeout, /Type: integer or null/);
    const skills = describeSchema(schemaAt(['spec', 'agents', 0, 'enabledSkills'])!);
    assert.match(skills, /Type: list of Enabled skill/);
  });
});
