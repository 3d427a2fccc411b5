/**
 * A TypeBox type provider for Fastify, so each handler's params, query, body and reply are
 * typed from the same schemas Fastify validates and serialises with. Five lines instead of a
 * dependency on @fastify/type-provider-typebox, which does the same.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { ApiOptions } from './app-options.ts';
import type {
  FastifyInstance, FastifyPluginAsync, FastifyTypeProvider, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault,
} from 'fastify';

export interface TypeBoxTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}

/** The app's Fastify instance, typed by its schemas. */
export type ApiInstance = FastifyInstance<
  RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyInstance['log'], TypeBoxTypeProvider
>;

/** A plugin of the app: routes inside it get typed requests and replies. */
export type ApiPlugin<Options extends Record<string, unknown> = Record<never, never>> = FastifyPluginAsync<
  Options, RawServerDefault, TypeBoxTypeProvider
>;

/** A route plugin: gets the resolved server options, registered under the API prefix. */
export type RoutePlugin = ApiPlugin<{ options: ApiOptions }>;
