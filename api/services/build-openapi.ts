/**
 * A small OpenAPI 3.1 generator over the routes' own schemas (what @fastify/swagger would do):
 * the document cannot drift from what Fastify validates, because it is made from the same
 * objects. OpenAPI 3.1 is used because its schemas are JSON Schema, TypeBox's output.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifySchema } from 'fastify';
import type { RouteAccess } from '../roles.ts';

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    /** Request body media types when not JSON (uploads); each is documented, binary unless JSON or multipart. */
    consumes?: string[];
    /** The fields of a multipart/form-data body, for the document only (the route reads the parts itself). */
    formData?: unknown;
    /** Success media type when not JSON (audio, exports). */
    produces?: string[];
  }
}

export interface DocumentedRoute {
  method: string;
  url: string;
  schema: FastifySchema;
  access: RouteAccess | undefined;
}

type JsonObject = Record<string, unknown>;

/** TypeBox marks schemas with symbol keys; a JSON round trip leaves the plain JSON Schema. */
const plain = (schema: unknown): JsonObject => JSON.parse(JSON.stringify(schema ?? {})) as JsonObject;

function parametersOf(schema: unknown, location: 'path' | 'query'): JsonObject[] {
  const { properties = {}, required = [] } = plain(schema) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({
    name, in: location, required: location === 'path' || required.includes(name), schema: property,
    ...(property.description ? { description: property.description } : {}),
  }));
}

function responsesOf(schema: FastifySchema): JsonObject {
  const binary = { type: 'string', format: 'binary' };
  return Object.fromEntries(
    Object.entries((schema.response ?? {}) as Record<string, unknown>).map(([status, response]) => {
      const mediaTypes = Number(status) < 300 && schema.produces ? schema.produces : ['application/json'];
      const isJson = (type: string) => type.includes('json');
      return [status, {
        description: STATUS_CODES[Number(status)] ?? status,
        content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: isJson(type) ? plain(response) : binary }])),
      }];
    }),
  );
}

function operationOf(route: DocumentedRoute): JsonObject {
  const { schema, access } = route;
  const roles = access === 'public' ? 'public' : (access ?? []).join(', ');
  const bodySchema = (type: string) =>
    type.includes('json') ? plain(schema.body)
      : type === 'multipart/form-data' && schema.formData !== undefined ? plain(schema.formData)
        : { type: 'string', format: 'binary' };
  return {
    summary: schema.summary,
    tags: schema.tags,
    description: [schema.description, `Roles: ${roles}.`].filter(Boolean).join(' '),
    'x-roles': access,
    security: access === 'public' ? [] : [{ bearerToken: [] }],
    parameters: [...parametersOf(schema.params, 'path'), ...parametersOf(schema.querystring, 'query')],
    ...(schema.body === undefined ? {} : {
      requestBody: {
        required: true,
        content: Object.fromEntries((schema.consumes ?? ['application/json']).map((type) => [type, { schema: bodySchema(type) }])),
      },
    }),
    responses: responsesOf(schema),
  };
}

/** The OpenAPI document for the given routes (HEAD twins of GET routes are left out). */
export function buildOpenApi(routes: readonly DocumentedRoute[], version: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes.filter((candidate) => candidate.method !== 'HEAD')) {
    const openApiPath = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    (paths[openApiPath] ??= {})[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'callqa QA server', version, description: 'Review, override, coach and export call-quality results.' },
    components: { securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A token from `callqa users add`.' } } },
    paths,
  };
}
