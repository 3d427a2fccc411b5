/**
 * Attributes of matched holds: whether the kind (music or silence) is right, and whether the
 * consent, stated duration and thanks the result reports agree with the truth. An attribute
 * the result leaves out or null (the transcript stages have not judged it) is not counted,
 * so until some matched hold carries it the figure is not available. Holds the detector
 * missed are not counted here: hold recall already reports them.
 */
import { isChecked, matchEventKind, eventKinds } from './event-metrics.ts';
import { notAvailable, shareOf, type EvaluatedCall, type Figures } from './measure.ts';

const holdKind = eventKinds.find((kind) => kind.type === 'hold')!;
const holdAttributes = ['consented', 'duration_stated', 'thanked_after'] as const;

/** `hold.kind.accuracy` and `hold.<attribute>.accuracy` over the holds matched in `calls`. */
export function measureHoldAttributes(calls: readonly EvaluatedCall[]): Figures {
  const checkedCalls = calls.filter((call) => isChecked(call, 'hold'));
  if (checkedCalls.length === 0) {
    const missing = notAvailable('hold not in event_types_checked', 'share');
    return Object.fromEntries(['kind', ...holdAttributes].map((name) => [`hold.${name}.accuracy`, missing]));
  }
  const holdPairs = checkedCalls.flatMap((call) => matchEventKind(call, holdKind).pairs);
  let kindsRight = 0;
  const attributeTallies = holdAttributes.map((attribute) => ({ attribute, carried: 0, right: 0 }));
  for (const { truth, detected } of holdPairs) {
    if (truth.type !== 'hold' || detected.type !== 'hold') continue;
    if (truth.kind === detected.kind) kindsRight++;
    for (const tally of attributeTallies) {
      const reported = detected[tally.attribute];
      if (typeof reported !== 'boolean') continue;
      tally.carried++;
      if (reported === truth[tally.attribute]) tally.right++;
    }
  }
  return {
    'hold.kind.accuracy': shareOf(kindsRight, holdPairs.length, 'share', 'no hold matched'),
    ...Object.fromEntries(
      attributeTallies.map(({ attribute, carried, right }) => [
        `hold.${attribute}.accuracy`,
        shareOf(right, carried, 'share', holdPairs.length === 0 ? 'no hold matched' : `no matched hold carries ${attribute}`),
      ]),
    ),
  };
}
