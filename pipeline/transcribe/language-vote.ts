import type { Language } from '../result/call-result.ts';

/**
 * The call's language from its first chunks' language probabilities: summed, so a confident
 * chunk outweighs a hesitant one, and the most probable allowed language wins.
 */
export function decideCallLanguage(votes: readonly Partial<Record<Language, number>>[], allowed: readonly Language[]): Language {
  const total = (language: Language) => votes.reduce((sum, vote) => sum + (vote[language] ?? 0), 0);
  return allowed.reduce((best, candidate) => (total(candidate) > total(best) ? candidate : best));
}
