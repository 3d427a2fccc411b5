/**
 * Sentiment stage (text): scores each utterance with a multilingual text classifier (positive /
 * neutral / negative, score = P(positive) − P(negative)) and summarises how it moved through the
 * call. Optional: without the model installed the orchestrator skips it and the rules stage
 * falls back to its lexicon.
 */
export { describeSentiment, type DescribeSentimentOptions } from './describe-sentiment.ts';
export { findSentimentModel } from './find-sentiment-model.ts';
export { scoreUtterances, toUtteranceSentiment, type ScoreUtterancesOptions } from './score-utterances.ts';
export {
  loadSentimentClassifier,
  type SentimentClassifier,
  type SentimentDtype,
  type SentimentModelSettings,
  type SentimentProbabilities,
} from './sentiment-classifier.ts';
