import { describe, expect, it } from 'vitest';
import { createFixedWindowLimiter } from './fixed-window-limiter.ts';

describe('fixed-window limiter', () => {
  it('allows the budget per window, says when the window resets, and starts afresh after it', () => {
    const limiter = createFixedWindowLimiter({ maxRequests: 2, windowMs: 10_000 }, 10);
    expect([0, 1, 2].map((offsetMs) => limiter.hit('a', 1000 + offsetMs).allowed)).toEqual([true, true, false]);
    expect(limiter.hit('a', 4000)).toEqual({ allowed: false, retryAfterS: 7 });
    expect(limiter.hit('b', 4000).allowed).toBe(true);
    expect(limiter.hit('a', 11_000).allowed).toBe(true);
  });

  it('forgets the oldest key once it tracks its maximum, so memory stays bounded', () => {
    const limiter = createFixedWindowLimiter({ maxRequests: 1, windowMs: 60_000 }, 2);
    limiter.hit('first', 0);
    limiter.hit('second', 0);
    limiter.hit('third', 0); // evicts "first"
    expect(limiter.hit('first', 1).allowed).toBe(true);
    expect(limiter.hit('third', 1).allowed).toBe(false);
  });
});
