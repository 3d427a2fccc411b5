/**
 * Who may do what. A route's config names the roles it admits; these sets are written once so
 * the access policy reads as a table. Admins are in every set on purpose: an admin can always
 * see and fix what their team sees — except answering for an agent, which only that agent does. An agent (a user tied to an agent id) is in `everyone` but
 * every route it reaches narrows what it answers to that agent's own calls.
 */
export const roles = ['qa', 'supervisor', 'trainer', 'admin', 'agent'] as const;
export type Role = (typeof roles)[number];

export const roleSets = {
  /** Reading calls, their audio and reviews, and transcript search; an agent sees only their own calls. */
  everyone: roles,
  /** Reading what spans every agent's calls (examples, exports). */
  staff: ['qa', 'supervisor', 'trainer', 'admin'],
  /** Overriding a rule result or a score. */
  reviewers: ['qa', 'admin'],
  /** Agent aggregates and coaching flags. */
  coaches: ['supervisor', 'admin'],
  /** Tagging and removing example clips. */
  trainers: ['trainer', 'admin'],
  /** Sampling policies (which calls QA specialists review) and calibration sessions. */
  samplers: ['qa', 'supervisor', 'admin'],
  /** Acknowledging or disputing one's own calls' evaluations. */
  agents: ['agent'],
  /** Reading acknowledgements and disputes (an agent: their own). */
  disputeReaders: ['qa', 'supervisor', 'admin', 'agent'],
  /** Upholding or changing a disputed result. */
  disputeResolvers: ['qa', 'supervisor', 'admin'],
  /** Uploading recordings for analysis and following their jobs. */
  uploaders: ['qa', 'supervisor', 'admin'],
  /** Issuing tokens; rescoring the archive, which rewrites every selected call's machine verdicts. */
  admins: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Whether a string (a CLI argument, a database value) names a role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Route config: the roles a route admits, or `public` for the docs. */
export type RouteAccess = readonly Role[] | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every API route must declare it; a route without it answers 403 to everyone. */
    access?: RouteAccess;
  }
}
