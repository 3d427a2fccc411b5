import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

interface Operation {
  parameters: { name: string; in: string; schema: Record<string, unknown> }[];
  responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }>;
  security: unknown[];
}

describe('OpenAPI document', () => {
  let fixture: ApiFixture;
  let operations: [string, Operation][];
  beforeAll(async () => {
    fixture = await createApiFixture();
    const document = (await fixture.app.inject('/docs/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    operations = Object.entries(document.paths as Record<string, Record<string, Operation>>)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => [`${method} ${path}`, operation] as [string, Operation]));
  });
  afterAll(() => fixture.close());

  it('declares every path parameter with its pattern, and the bearer token', () => {
    for (const [route, operation] of operations) {
      const pathNames = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = operation.parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name), route).toEqual(pathNames);
      for (const parameter of declared) expect(parameter.schema.pattern, route).toBeTypeOf('string');
      expect(operation.security, route).toEqual([{ bearerToken: [] }]);
    }
  });

  it('declares a success answer and the catalogue error body for 400, 401, 403, 429 and 500 on every route', () => {
    for (const [route, operation] of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => status.startsWith('2')), route).toBe(true);
      for (const status of ['400', '401', '403', '429', '500']) {
        expect(operation.responses[status]?.content['application/json']?.schema.required, `${route} ${status}`).toEqual(['statusCode', 'code', 'error', 'message']);
      }
    }
  });

  it('describes the upload body and the binary answers as binary', () => {
    const upload = operations.find(([route]) => route === 'post /api/v1/uploads')![1] as Operation & { requestBody: { content: Record<string, unknown> } };
    expect(upload.requestBody.content['application/octet-stream']).toEqual({ schema: { type: 'string', format: 'binary' } });
    const audio = operations.find(([route]) => route === 'get /api/v1/calls/{callId}/audio')![1];
    expect(audio.responses['206']!.content['audio/mpeg']).toEqual({ schema: { type: 'string', format: 'binary' } });
  });
});
