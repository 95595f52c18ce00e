import { describe, expect, it } from 'vitest';
import { openApiToJsonSchema } from './openapi-to-json-schema.ts';

const id = 'components.json';

describe('openApiToJsonSchema', () => {
  it('turns nullable into a null type, and adds null to an enum', () => {
    expect(openApiToJsonSchema({ type: 'string', nullable: true }, id)).toEqual({ type: ['string', 'null'] });
    expect(openApiToJsonSchema({ type: 'string', enum: ['success', 'failure'], nullable: true }, id)).toEqual(
      {
        type: ['string', 'null'],
        enum: ['success', 'failure', null],
      },
    );
  });

  it('wraps a nullable schema without a type in anyOf', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'number' }], nullable: true };
    expect(openApiToJsonSchema(schema, id)).toEqual({
      anyOf: [{ type: 'null' }, { anyOf: [{ type: 'string' }, { type: 'number' }] }],
    });
  });

  it('points component refs at the components schema and turns oneOf into anyOf', () => {
    const schema = {
      oneOf: [{ $ref: '#/components/schemas/simple-user' }, { type: 'string', nullable: true }],
    };
    expect(openApiToJsonSchema(schema, id)).toEqual({
      anyOf: [{ $ref: 'components.json#/$defs/simple-user' }, { type: ['string', 'null'] }],
    });
  });

  it('converts nested schemas but leaves property names and enum values alone', () => {
    const schema = {
      type: 'object',
      properties: { nullable: { type: 'array', items: { type: 'integer', nullable: true } } },
      additionalProperties: { type: 'boolean', nullable: true },
    };
    expect(openApiToJsonSchema(schema, id)).toEqual({
      type: 'object',
      properties: { nullable: { type: 'array', items: { type: ['integer', 'null'] } } },
      additionalProperties: { type: ['boolean', 'null'] },
    });
  });
});
