/**
 * Reads eval/thresholds.json and checks every group's figures against it. A threshold
 * applies to each group (each language and all calls); a figure that is not available is
 * reported as such and never fails, so an unbuilt stage is visible without breaking CI. A
 * threshold with an `advisory` reason is a goal: a miss is listed as "below target", not
 * failed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Figures } from './measure.ts';

export interface Threshold {
  /** A figure key; `*` stands for one dot-free part (a rule id, a party). */
  figure: string;
  bound: 'min' | 'max';
  limit: number;
  /** Why this target is reported but not failed (a goal not met yet); absent for a gate. */
  advisory?: string;
  /** The groups (languages, conditions) it applies to; absent: every group. */
  groups?: readonly string[];
}

export interface ThresholdCheck {
  group: string;
  figure: string;
  bound: 'min' | 'max';
  limit: number;
  value: number | null;
  status: 'pass' | 'fail' | 'below target' | 'not available';
  /** Why the figure is not available. */
  reason?: string;
}

export const defaultThresholdsPath = path.resolve(import.meta.dirname, 'thresholds.json');

/** Validates the parsed file; an error names the file and the entry. */
export function resolveThresholds(parsed: unknown, source: string): Threshold[] {
  const entries = typeof parsed === 'object' && parsed !== null && 'thresholds' in parsed ? parsed.thresholds : undefined;
  if (!Array.isArray(entries)) throw new Error(`${source}: expected an object with a "thresholds" array`);
  return entries.map((entry: unknown, index): Threshold => {
    const where = `${source}: thresholds[${index}]`;
    if (typeof entry !== 'object' || entry === null || !('figure' in entry) || typeof entry.figure !== 'string') {
      throw new Error(`${where}: expected { "figure": string, "min" or "max": number }`);
    }
    const min = 'min' in entry ? entry.min : undefined;
    const max = 'max' in entry ? entry.max : undefined;
    const advisory = 'advisory' in entry ? entry.advisory : undefined;
    if (advisory !== undefined && typeof advisory !== 'string') throw new Error(`${where} (${entry.figure}): "advisory" must be a string saying why the target does not fail the eval`);
    const groups = 'groups' in entry ? entry.groups : undefined;
    if (groups !== undefined && !(Array.isArray(groups) && groups.length > 0 && groups.every((group) => typeof group === 'string'))) {
      throw new Error(`${where} (${entry.figure}): "groups" must be a non-empty array of group names`);
    }
    const reported = { ...(advisory === undefined ? {} : { advisory }), ...(groups === undefined ? {} : { groups: groups as string[] }) };
    if (typeof min === 'number' && max === undefined) return { figure: entry.figure, bound: 'min', limit: min, ...reported };
    if (typeof max === 'number' && min === undefined) return { figure: entry.figure, bound: 'max', limit: max, ...reported };
    throw new Error(`${where} (${entry.figure}): expected exactly one of "min" or "max", as a number`);
  });
}

export async function loadThresholds(thresholdsPath = defaultThresholdsPath): Promise<Threshold[]> {
  return resolveThresholds(JSON.parse(await readFile(thresholdsPath, 'utf8')), thresholdsPath);
}

function figurePattern(figure: string): RegExp {
  const parts = figure.split('.').map((part) => (part === '*' ? '[^.]+' : part.replace(/[\\^$+?()[\]{}|-]/g, '\\$&')));
  return new RegExp(`^${parts.join('\\.')}$`);
}

/** Medians of millisecond times and ratios of small counts land a hair off the limit in binary. */
const roundingSlack = 1e-9;

/** One check per threshold, group and matching figure; throws for a threshold naming no figure. */
export function checkThresholds(groups: Readonly<Record<string, Figures>>, thresholds: readonly Threshold[]): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  for (const threshold of thresholds) {
    const pattern = figurePattern(threshold.figure);
    let named = false;
    for (const [group, figures] of Object.entries(groups)) {
      if (threshold.groups !== undefined && !threshold.groups.includes(group)) continue;
      for (const [figure, measure] of Object.entries(figures).filter(([key]) => pattern.test(key))) {
        named = true;
        const { bound, limit } = threshold;
        if (measure.value === null) {
          checks.push({ group, figure, bound, limit, value: null, status: 'not available', reason: measure.reason });
          continue;
        }
        const within = bound === 'min' ? measure.value >= limit - roundingSlack : measure.value <= limit + roundingSlack;
        checks.push({ group, figure, bound, limit, value: measure.value, status: within ? 'pass' : threshold.advisory === undefined ? 'fail' : 'below target' });
      }
    }
    const groupsInScope = Object.keys(groups).filter((group) => threshold.groups === undefined || threshold.groups.includes(group));
    if (!named && groupsInScope.length > 0) throw new Error(`thresholds: "${threshold.figure}" names no figure of the report`);
  }
  return checks;
}
