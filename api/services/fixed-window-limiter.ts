/**
 * Counts requests per key in fixed windows. Memory is bounded: past `maxTrackedKeys` the
 * oldest key is forgotten (a Map iterates in insertion order), so a flood of new addresses
 * costs at most that many entries.
 */
import type { RateLimitBudget } from '../app-options.ts';

export interface LimitDecision {
  allowed: boolean;
  /** Seconds until the key's window resets; what Retry-After says. */
  retryAfterS: number;
}

interface Window {
  startedMs: number;
  count: number;
}

export interface FixedWindowLimiter {
  hit(key: string, nowMs: number): LimitDecision;
}

/** A limiter granting `budget.maxRequests` per key per window. */
export function createFixedWindowLimiter(budget: RateLimitBudget, maxTrackedKeys: number): FixedWindowLimiter {
  const windows = new Map<string, Window>();
  return {
    hit(key, nowMs) {
      let window = windows.get(key);
      if (!window || nowMs - window.startedMs >= budget.windowMs) {
        windows.delete(key);
        if (windows.size >= maxTrackedKeys) windows.delete(windows.keys().next().value as string);
        window = { startedMs: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      const retryAfterS = Math.ceil((window.startedMs + budget.windowMs - nowMs) / 1000);
      return { allowed: window.count <= budget.maxRequests, retryAfterS };
    },
  };
}
