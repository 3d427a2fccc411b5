/**
 * Readers for hand-written JSON: each checks one value and, when it is wrong, throws an
 * error naming the file, the field path and what was expected, so a script author can fix
 * a typo without reading generator code.
 */

/** Where a value sits: the file and a field path such as `turns[3].interrupts.overlap_s`. */
export interface Site {
  file: string;
  path: string;
}

export class SampleScriptError extends Error {
  constructor(site: Site, problem: string) {
    super(`${site.file}: ${site.path || '(top level)'}: ${problem}`);
    this.name = 'SampleScriptError';
  }
}

export function fieldSite(site: Site, key: string | number): Site {
  const step = typeof key === 'number' ? `[${key}]` : site.path ? `.${key}` : key;
  return { file: site.file, path: site.path + step };
}

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * An object whose keys are all in `knownKeys` (an unknown key is almost always a misspelt
 * one); without `knownKeys`, any key is accepted.
 */
export function readObject(value: unknown, site: Site, knownKeys?: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SampleScriptError(site, `expected an object, got ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  const unknownKey = knownKeys && Object.keys(record).find((key) => !knownKeys.includes(key));
  if (knownKeys && unknownKey !== undefined) {
    throw new SampleScriptError(fieldSite(site, unknownKey), `unknown field; expected one of ${knownKeys.join(', ')}`);
  }
  return record;
}

export function readArray(value: unknown, site: Site): unknown[] {
  if (!Array.isArray(value)) throw new SampleScriptError(site, `expected an array, got ${describe(value)}`);
  return value;
}

export function readString(value: unknown, site: Site, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SampleScriptError(site, `expected a non-empty string, got ${describe(value)}`);
  }
  if (pattern && !pattern.test(value)) {
    throw new SampleScriptError(site, `expected a string matching ${pattern}, got ${describe(value)}`);
  }
  return value;
}

export function readNumber(value: unknown, site: Site, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new SampleScriptError(site, `expected a number from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

export function readBoolean(value: unknown, site: Site): boolean {
  if (typeof value !== 'boolean') throw new SampleScriptError(site, `expected true or false, got ${describe(value)}`);
  return value;
}

export function readEnum<T extends string>(value: unknown, site: Site, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new SampleScriptError(site, `expected one of ${options.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

/** Reads `record[key]` with `read`, or gives `fallback` when the key is absent. */
export function readOptional<T>(
  record: Record<string, unknown>,
  key: string,
  site: Site,
  read: (value: unknown, site: Site) => T,
  fallback: T,
): T {
  return record[key] === undefined ? fallback : read(record[key], fieldSite(site, key));
}
