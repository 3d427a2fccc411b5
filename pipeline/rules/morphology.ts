/**
 * Suffix chains for `stem+` phrase words. Snowball stems Russian well but Hungarian poorly
 * (várakoztathatnám = várakoz·tat·hat·ná·m: causative, potential, conditional, person), and
 * a plain prefix (`tart*`) also takes unrelated words (tartalom "content"). A `stem+` word
 * matches the stem followed by nothing or by a chain of the pack's `morphology.suffixes`,
 * each suffix written in every vowel-harmony variant it has (hat/het, ná/né).
 */

const longestChainSuffixes = 6;

/** A memoized test: can `rest` be cut into at most six suffixes of the list (or is it empty)? */
export function createSuffixChainTest(suffixes: readonly string[]): (rest: string) => boolean {
  const known = new Set(suffixes.filter((suffix) => suffix.length > 0));
  const lengths = [...new Set([...known].map((suffix) => suffix.length))].sort((a, b) => b - a);
  const memo = new Map<string, boolean>();
  const chains = (rest: string, depth: number): boolean => {
    if (rest === '') return true;
    if (depth === longestChainSuffixes) return false;
    return lengths.some((length) => length <= rest.length && known.has(rest.slice(0, length)) && chains(rest.slice(length), depth + 1));
  };
  return (rest) => {
    let result = memo.get(rest);
    if (result === undefined) {
      result = chains(rest, 0);
      memo.set(rest, result);
    }
    return result;
  };
}
