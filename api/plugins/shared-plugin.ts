import type { ApiPlugin } from '../type-provider.ts';

/**
 * Lets a plugin's decorators and hooks reach its siblings and the routes, which is what
 * fastify-plugin does with the same two symbols; a dependency for two lines is not worth it.
 */
export function sharedPlugin<Options extends Record<string, unknown>>(name: string, plugin: ApiPlugin<Options>): ApiPlugin<Options> {
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: name });
}
