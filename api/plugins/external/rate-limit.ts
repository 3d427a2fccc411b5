/**
 * Two budgets: per client address on every request (before the token is even looked at, so
 * guessing tokens is slow too), and per user once authenticated (in preParsing, which runs
 * after the auth hook), so one busy user behind a shared proxy address is limited on their own.
 */
import type { FastifyReply } from 'fastify';
import type { ApiOptions } from '../../app-options.ts';
import { CallqaError } from '../../../core/errors.ts';
import { createFixedWindowLimiter, type LimitDecision } from '../../services/fixed-window-limiter.ts';
import { sharedPlugin } from '../shared-plugin.ts';

function enforce(decision: LimitDecision, reply: FastifyReply, who: string): void {
  if (decision.allowed) return;
  reply.header('retry-after', String(decision.retryAfterS));
  throw new CallqaError('CQA_ERR_API_RATE_LIMITED', `too many requests from ${who}; retry in ${decision.retryAfterS} s`);
}

export const rateLimitPlugin = sharedPlugin<{ limits: ApiOptions['rateLimit']; now: () => number }>(
  'callqa-rate-limit',
  async (app, { limits, now }) => {
    const byAddress = createFixedWindowLimiter(limits.perAddress, limits.maxTrackedKeys);
    const byUser = createFixedWindowLimiter(limits.perUser, limits.maxTrackedKeys);
    app.addHook('onRequest', async (request, reply) => {
      enforce(byAddress.hit(request.ip, now()), reply, `address ${request.ip}`);
    });
    app.addHook('preParsing', async (request, reply) => {
      if (request.principal) enforce(byUser.hit(request.principal.userName, now()), reply, `user ${request.principal.userName}`);
    });
  },
);
