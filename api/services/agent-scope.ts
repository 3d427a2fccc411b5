/**
 * What an agent may see: their own calls only. Every route an agent reaches narrows its answer
 * with this scope; a call of another agent is answered as not found (404), so an agent cannot
 * even learn which call ids exist.
 */
import type { FastifyRequest } from 'fastify';
import { requirePrincipal } from '../plugins/app/auth.ts';

/** The agent id a request is limited to, or null when it may see every call. */
export function agentScopeOf(request: FastifyRequest): string | null {
  const principal = requirePrincipal(request);
  return principal.role === 'agent' ? principal.agentId : null;
}

/** SQL that keeps only the scoped agent's calls (over `alias`.agent_id, parameter `$scope_agent`), or nothing to add. */
export function agentScopeClause(scope: string | null, alias = 'c'): string[] {
  return scope === null ? [] : [`${alias}.agent_id = $scope_agent`];
}
