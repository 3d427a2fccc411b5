/** Decorates the app with `db`, the serialised gateway to the store (see serialized-db.ts), and sizes DuckDB's thread pool. */
import type { Store } from '../../../store/index.ts';
import { createSerializedDb, type SerializedDb } from '../../services/serialized-db.ts';
import { sharedPlugin } from '../shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: SerializedDb;
  }
}

export const databasePlugin = sharedPlugin<{ store: Store; threads: number | null }>('callqa-database', async (app, { store, threads }) => {
  const db = createSerializedDb(store);
  if (threads !== null) await db.run(`SET threads = ${threads}`); // an integer checked by resolveApiOptions
  app.decorate('db', db);
});
