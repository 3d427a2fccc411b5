/**
 * File-name templates, the way PBX exports name recordings:
 * `{date:YYYYMMDD}-{time:HHmmss}_{agent}_{queue}_{direction}.wav`. A pattern starting with `^`
 * is a regular expression with named groups instead. See README "Call metadata".
 */
import { CallqaError } from '../../core/errors.ts';
import { formatStartedAt, parseStartedAt } from './started-at.ts';

/** What a file name can say; names other than these become custom fields. */
const fieldOfToken: Readonly<Record<string, 'agent_id' | 'queue' | 'direction' | 'customer_ref'>> = {
  agent: 'agent_id', agent_id: 'agent_id', queue: 'queue', direction: 'direction', customer: 'customer_ref', customer_ref: 'customer_ref',
};
const clockTokens = ['date', 'time', 'datetime'] as const;
const formatLetters: Readonly<Record<string, string>> = {
  YYYY: '(?<year>\\d{4})', MM: '(?<month>\\d{2})', DD: '(?<day>\\d{2})', HH: '(?<hour>\\d{2})', mm: '(?<minute>\\d{2})', ss: '(?<second>\\d{2})',
};

export interface NamePattern {
  /** As the user wrote it, for messages. */
  readonly text: string;
  readonly regex: RegExp;
}

export interface NameFields {
  agent_id?: string;
  queue?: string;
  direction?: string;
  customer_ref?: string;
  started_at?: string;
  custom: Record<string, string>;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function invalid(pattern: string, problem: string): CallqaError {
  return new CallqaError('CQA_ERR_CONFIG_INVALID', `name pattern "${pattern}": ${problem}; see README "Call metadata" for the syntax`);
}

function compileClock(pattern: string, token: string, format: string | undefined): string {
  if (!format) throw invalid(pattern, `{${token}} needs a format such as {${token}:${token === 'time' ? 'HHmmss' : 'YYYYMMDD'}}`);
  return format.split(/(YYYY|MM|DD|HH|mm|ss)/).map((part) => formatLetters[part] ?? escapeRegex(part)).join('');
}

function compileTemplate(pattern: string): RegExp {
  const used = new Set<string>();
  const source = pattern.split(/(\{[^{}]*\})/).map((part) => {
    const token = /^\{([^{}:]*)(?::([^{}]*))?\}$/.exec(part);
    if (!token) {
      if (/[{}]/.test(part)) throw invalid(pattern, `unbalanced brace in "${part}"`);
      return escapeRegex(part);
    }
    const [, name = '', format] = token;
    if (name === '*') return '.*?';
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw invalid(pattern, `"{${name}}" is not a field name (letters, digits, _)`);
    if (used.has(name)) throw invalid(pattern, `{${name}} appears twice`);
    used.add(name);
    if ((clockTokens as readonly string[]).includes(name)) return compileClock(pattern, name, format);
    return `(?<${fieldOfToken[name] ?? `custom_${name}`}>[^/]+?)`;
  }).join('');
  try {
    return new RegExp(`^${source}$`);
  } catch (error) {
    throw invalid(pattern, `the same date or time part appears twice (${(error as Error).message})`);
  }
}

export function compileNamePattern(pattern: string): NamePattern {
  if (pattern.trim() === '') throw invalid(pattern, 'it is empty');
  if (!pattern.startsWith('^')) return Object.freeze({ text: pattern, regex: compileTemplate(pattern) });
  try {
    return Object.freeze({ text: pattern, regex: new RegExp(pattern) });
  } catch (error) {
    throw invalid(pattern, `not a valid regular expression (${(error as Error).message})`);
  }
}

function startedAtOf(groups: Readonly<Record<string, string | undefined>>): string | undefined {
  const { year, month, day, hour, minute, second, date, time, started_at: startedAt } = groups;
  if (year && month && day) {
    return formatStartedAt({
      year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0),
    }) ?? undefined;
  }
  const text = startedAt ?? (date && `${date}${time ? `T${time.replace(/^(\d{2}):?(\d{2}):?(\d{2})?$/, (_, h, m, s) => `${h}:${m}:${s ?? '00'}`)}` : ''}`);
  return (text && parseStartedAt(text.replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3'))) || undefined;
}

/**
 * The fields a file name gives, or null when it does not match. Tried without the extension
 * first, so a template may leave it out, then on the whole name.
 */
export function readNamePattern(pattern: NamePattern, fileName: string): NameFields | null {
  const match = pattern.regex.exec(fileName.replace(/\.[^.]*$/, '')) ?? pattern.regex.exec(fileName);
  if (!match) return null;
  const groups = match.groups ?? {};
  const fields: NameFields = { custom: {} };
  for (const [name, value] of Object.entries(groups)) {
    if (value === undefined || value === '') continue;
    if (name.startsWith('custom_')) fields.custom[name.slice('custom_'.length)] = value;
    else if (name === 'agent_id' || name === 'queue' || name === 'direction' || name === 'customer_ref') fields[name] = value;
    else if (pattern.text.startsWith('^') && !['year', 'month', 'day', 'hour', 'minute', 'second', 'date', 'time', 'started_at'].includes(name)) {
      const field = fieldOfToken[name];
      if (field) fields[field] = value;
      else fields.custom[name] = value;
    }
  }
  const startedAt = startedAtOf(groups);
  if (startedAt) fields.started_at = startedAt;
  return fields;
}
