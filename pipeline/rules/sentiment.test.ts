/** calm-under-pressure on model-scored utterances, with the deployment's agent sentiment on and off. */
import { describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import type { Utterance } from '../result/call-result.ts';
import { evaluateRules } from './index.ts';
import { loadRulePack } from './load-pack.ts';

const en = await loadRulePack('en');
const negative = { label: 'negative', score: -0.8 } as const;
const said = (party: Utterance['party'], start: number, text: string, sentiment: Utterance['sentiment']): Utterance => ({ party, start, end: start + 2, text, sentiment });

const calmOf = (utterances: Utterance[], agentSentiment?: boolean) =>
  evaluateRules({ language: 'en', utterances, events: [], eventTypesChecked: [], sentimentModelId: 'sentiment-multilingual', ...(agentSentiment === undefined ? {} : { agentSentiment }) }, en, silentEffects)
    .rules.find((rule) => rule.id === 'calm-under-pressure')!;

describe('calm-under-pressure and agent sentiment', () => {
  const upset = said('customer', 0, 'This is the third time this month!', negative);
  // Model-negative agent words that no agent lexicon holds, and lexicon-sharp words the model did not score.
  const modelNegativeAgent = said('agent', 3, 'Let me check your account.', negative);
  const sharpUnscoredAgent = said('agent', 6, 'I have other customers waiting.', null);

  it('on (the default): the agent is judged by the model reading', () => {
    expect(calmOf([upset, modelNegativeAgent])).toMatchObject({ status: 'fail', count: 1 });
    expect(calmOf([upset, modelNegativeAgent], true)).toMatchObject({ status: 'fail', count: 1 });
    expect(calmOf([upset, sharpUnscoredAgent], true)).toMatchObject({ status: 'pass' });
  });

  it('off: the customer still by the model, the agent by the wording lexicon only', () => {
    expect(calmOf([upset, said('agent', 3, 'Let me check your account.', null)], false)).toMatchObject({ status: 'pass' });
    expect(calmOf([upset, modelNegativeAgent], false)).toMatchObject({ status: 'pass' });
    expect(calmOf([upset, sharpUnscoredAgent], false)).toMatchObject({ status: 'fail', count: 1 });
    expect(calmOf([said('customer', 0, 'Okay then.', { label: 'neutral', score: 0 }), sharpUnscoredAgent], false)).toMatchObject({ status: 'n/a' });
  });
});
