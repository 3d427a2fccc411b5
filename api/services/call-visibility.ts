/**
 * Which calls a request may see. An agent sees only their own calls; an evaluator does not see
 * the verdicts on calls they are still scoring blind in a calibration session. Lists and
 * exports leave such calls out; one call's routes answer another agent's call as not found
 * (404), so an agent cannot even learn which call ids exist.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { FastifyRequest } from 'fastify';
import { requirePrincipal } from '../plugins/app/auth.ts';
import { roleSets, type Role } from '../roles.ts';
import { notBlindClause } from './calibration.ts';

export interface CallVisibility {
  /** The agent whose calls alone the request sees; null: every agent's. */
  agentId: string | null;
  /** The user asking, whose blind calibration calls are left out; null for a role that never scores blind (no check to run). */
  viewer: string | null;
}

/** The agent id a request is limited to, or null when it may see every agent's calls. */
export function agentScopeOf(request: FastifyRequest): string | null {
  const principal = requirePrincipal(request);
  return principal.role === 'agent' ? principal.agentId : null;
}

export function callVisibilityOf(request: FastifyRequest): CallVisibility {
  const principal = requirePrincipal(request);
  const evaluates = (roleSets.samplers as readonly Role[]).includes(principal.role);
  return { agentId: agentScopeOf(request), viewer: evaluates ? principal.userName : null };
}

/** Clauses over the calls aliased `c`, with their parameters, that keep only the visible calls. */
export function visibilitySql(visibility: CallVisibility): { clauses: string[]; params: Record<string, DuckDBValue> } {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  if (visibility.viewer !== null) {
    clauses.push(notBlindClause('c'));
    params.blind_viewer = visibility.viewer;
  }
  if (visibility.agentId !== null) {
    clauses.push('c.agent_id = $scope_agent');
    params.scope_agent = visibility.agentId;
  }
  return { clauses, params };
}
