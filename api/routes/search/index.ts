/** Transcript search: utterances matching words, phrases and proximity, with links to their moment. */
import { searchTranscripts } from '../../../store/search/search-transcripts.ts';
import { agentScopeOf } from '../../services/call-visibility.ts';
import { roleSets } from '../../roles.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { searchSchema } from './schemas.ts';

export const searchRoutes: RoutePlugin = async (app) => {
  app.get('/search', { schema: searchSchema, config: { access: roleSets.everyone } }, async (request) => {
    const { q, party, language, limit, cursor } = request.query;
    return app.db.exclusive((store) => searchTranscripts(store, { query: q, party, language, limit, cursor, agentId: agentScopeOf(request) ?? undefined }));
  });
};
