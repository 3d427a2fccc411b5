/**
 * Reads the turns of a script — spoken lines, holds, dead air and a closing transfer — and
 * checks that they follow each other in a way the timeline can realise.
 */
import {
  type Site, SampleScriptError, fieldSite, readArray, readBoolean, readEnum, readNumber, readObject, readOptional,
  readString,
} from './fields.ts';
import { type Party, type Tag, type Turn, parties, tagParties, tags } from './script-types.ts';

/** The marker inside a line's text after which the speaker is cut off by the next line. */
export const cutMarker = '|';

const otherParty = (party: Party): Party => (party === 'agent' ? 'customer' : 'agent');

function readTags(value: unknown, site: Site, party: Party): Tag[] {
  return readArray(value, site).map((item, index) => {
    const tag = readEnum(item, fieldSite(site, index), tags);
    if (!(tagParties[tag] as readonly Party[]).includes(party)) {
      throw new SampleScriptError(fieldSite(site, index), `tag "${tag}" does not apply to ${party} lines`);
    }
    return tag;
  });
}

function readLine(record: Record<string, unknown>, site: Site, party: Party): Turn {
  const raw = readString(record[party], fieldSite(site, party));
  const parts = raw.split(cutMarker);
  if (parts.length > 2 || parts[0]?.trim() === '') {
    throw new SampleScriptError(fieldSite(site, party), `at most one cut marker "${cutMarker}", with words before it`);
  }
  const count = (key: string): number => {
    const value = readOptional(record, key, site, (v, s) => readNumber(v, s, 0, 9), 0);
    if (!Number.isInteger(value)) throw new SampleScriptError(fieldSite(site, key), `expected a whole number, got ${value}`);
    if (value > 0 && party !== 'agent') throw new SampleScriptError(fieldSite(site, key), 'statement counts are for agent lines');
    return value;
  };
  const nested = (key: string, field: string, min: number, max: number): number | null => {
    if (record[key] === undefined) return null;
    const object = readObject(record[key], fieldSite(site, key), [field]);
    return readNumber(object[field], fieldSite(fieldSite(site, key), field), min, max);
  };
  return {
    kind: 'line',
    party,
    text: parts.join(' ').replace(/\s+/g, ' ').trim(),
    heardText: parts.length === 2 ? (parts[0] ?? '').trim() : null,
    tags: readOptional(record, 'tags', site, (v, s) => readTags(v, s, party), []),
    iStatements: count('i'),
    youStatements: count('you'),
    pauseS: readOptional<number | null>(record, 'pause_s', site, (v, s) => readNumber(v, s, 0, 3), null),
    interruptOverlapS: nested('interrupts', 'overlap_s', 0.6, 2.5),
    backchannelAt: nested('backchannel', 'at', 0.05, 0.9),
    shortOverlapS: nested('overlaps', 'overlap_s', 0.1, 0.6),
  };
}

const lineKeys = ['tags', 'i', 'you', 'pause_s', 'interrupts', 'backchannel', 'overlaps'];

function readHold(value: unknown, site: Site): Turn {
  const hold = readObject(value, site, ['duration_s', 'sound', 'channel', 'consented', 'duration_stated', 'thanked_after']);
  return {
    kind: 'hold',
    durationS: readNumber(hold.duration_s, fieldSite(site, 'duration_s'), 15, 120),
    sound: readEnum(hold.sound, fieldSite(site, 'sound'), ['music', 'silence'] as const),
    channel: readOptional(hold, 'channel', site, (v, s) => readEnum(v, s, parties), 'customer'),
    consented: readBoolean(hold.consented, fieldSite(site, 'consented')),
    durationStated: readBoolean(hold.duration_stated, fieldSite(site, 'duration_stated')),
    thankedAfter: readBoolean(hold.thanked_after, fieldSite(site, 'thanked_after')),
  };
}

function readDeadAir(value: unknown, site: Site): Turn {
  const deadAir = readObject(value, site, ['duration_s']);
  return { kind: 'dead_air', durationS: readNumber(deadAir.duration_s, fieldSite(site, 'duration_s'), 5, 12) };
}

function readTransfer(value: unknown, site: Site): Turn {
  const transfer = readObject(value, site, ['target_named', 'reason_given', 'callback_number_given', 'handover_s']);
  return {
    kind: 'transfer',
    targetNamed: readBoolean(transfer.target_named, fieldSite(site, 'target_named')),
    reasonGiven: readBoolean(transfer.reason_given, fieldSite(site, 'reason_given')),
    callbackNumberGiven: readBoolean(transfer.callback_number_given, fieldSite(site, 'callback_number_given')),
    handoverS: readOptional(transfer, 'handover_s', site, (v, s) => readNumber(v, s, 1, 5), 2),
  };
}

const eventReaders = { hold: readHold, dead_air: readDeadAir, transfer: readTransfer } as const;
const eventKeys = Object.keys(eventReaders) as (keyof typeof eventReaders)[];

/** Reads one element of `turns`: its one leading key says what kind of turn it is. */
export function readTurn(value: unknown, site: Site): Turn {
  const loose = readObject(value, site);
  const eventKey = eventKeys.find((key) => loose[key] !== undefined);
  if (eventKey) {
    readObject(value, site, [eventKey]);
    return eventReaders[eventKey](loose[eventKey], fieldSite(site, eventKey));
  }
  const party = parties.find((candidate) => loose[candidate] !== undefined);
  if (!party) {
    throw new SampleScriptError(site, `expected a line ("agent" or "customer") or one of ${eventKeys.join(', ')}`);
  }
  return readLine(readObject(value, site, [party, ...lineKeys]), site, party);
}

/** Checks how turns follow each other: what the timeline needs and what a call must have. */
export function checkTurnOrder(turns: readonly Turn[], site: Site): void {
  const fail = (index: number, problem: string): never => {
    throw new SampleScriptError(fieldSite(site, index), problem);
  };
  for (const party of parties) {
    if (!turns.some((turn) => turn.kind === 'line' && turn.party === party)) fail(0, `the call has no ${party} line`);
  }
  turns.forEach((turn, index) => {
    const previous = turns[index - 1];
    const next = turns[index + 1];
    if (turn.kind === 'transfer' && next) fail(index, 'a transfer must be the last turn');
    if ((turn.kind === 'hold' || turn.kind === 'dead_air') && (previous?.kind !== 'line' || next?.kind !== 'line')) {
      fail(index, `a ${turn.kind} must sit between two spoken lines`);
    }
    if (turn.kind !== 'line') return;
    if (turn.pauseS !== null && (previous?.kind === 'hold' || previous?.kind === 'dead_air')) {
      fail(index, `pause_s has no effect after a ${previous.kind}: the ${previous.kind} is the pause`);
    }
    const host = [...turns.slice(0, index)].reverse().find((t) => t.kind !== 'line' || t.backchannelAt === null);
    const other = otherParty(turn.party);
    const hostOk = host?.kind === 'line' && host.party === other;
    if (turn.backchannelAt !== null && (!hostOk || turn.interruptOverlapS !== null || turn.pauseS !== null)) {
      fail(index, `a backchannel must follow a ${other} line and has neither interrupts nor pause_s`);
    }
    if (turn.interruptOverlapS !== null && !(hostOk && previous === host)) {
      fail(index, `an interruption must directly follow a ${other} line`);
    }
    if (turn.shortOverlapS !== null && (!(hostOk && previous === host) || turn.interruptOverlapS !== null || turn.backchannelAt !== null || turn.pauseS !== null)) {
      fail(index, `a short overlap must directly follow a ${other} line and has neither interrupts, backchannel nor pause_s`);
    }
    const interruptedBy = next?.kind === 'line' ? next.interruptOverlapS : null;
    if (turn.heardText !== null && interruptedBy === null) {
      fail(index, `a line with the cut marker "${cutMarker}" must be followed by a line with "interrupts"`);
    }
  });
}
