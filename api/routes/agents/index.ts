/** Agents: figures per period for supervisors, and who needs coaching on what. */
import { roleSets } from '../../roles.ts';
import { loadAgentStats } from '../../services/agent-stats.ts';
import { findAgentCoachingFlags, resolveCoachingRule } from '../../services/coaching-flags.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { agentStatsSchema, coachingFlagsSchema } from './schemas.ts';

export const agentRoutes: RoutePlugin = async (app, { options }) => {
  app.get('/agents/stats', { schema: agentStatsSchema, config: { access: roleSets.coaches } }, async (request) =>
    app.db.read((sql) => loadAgentStats(sql, request.query)),
  );

  app.get('/agents/coaching-flags', { schema: coachingFlagsSchema, config: { access: roleSets.coaches } }, async (request) => {
    const rule = resolveCoachingRule(options.analyzeConfig.scorecard.coaching, request.query);
    return { rule, flags: await app.db.read((sql) => findAgentCoachingFlags(sql, rule)) };
  });
};
