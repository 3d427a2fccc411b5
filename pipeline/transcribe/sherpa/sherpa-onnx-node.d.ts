/**
 * Types for `sherpa-onnx-node` (CommonJS, ships JSDoc but no declarations), covering the offline
 * recognizer calls the transducer engine makes, so the project needs no @types package for it.
 */
declare module 'sherpa-onnx-node' {
  export interface OfflineRecognizerConfig {
    featConfig: { sampleRate: number; featureDim: number };
    modelConfig: {
      transducer?: { encoder: string; decoder: string; joiner: string };
      tokens: string;
      numThreads: number;
      provider?: 'cpu';
      modelType?: 'nemo_transducer' | 'transducer';
      debug?: 0 | 1;
    };
    decodingMethod: 'greedy_search' | 'modified_beam_search';
  }

  /** `OfflineRecognitionResult::AsJsonString()`: times in seconds from the start of the stream. */
  export interface OfflineRecognizerResult {
    text: string;
    tokens: string[];
    timestamps: number[];
    /** Token durations (TDT models only). */
    durations?: number[];
    /** Natural log probability of each token. */
    ys_log_probs?: number[];
  }

  export class OfflineStream {
    acceptWaveform(waveform: { samples: Float32Array; sampleRate: number }): void;
  }

  export class OfflineRecognizer {
    static createAsync(config: OfflineRecognizerConfig): Promise<OfflineRecognizer>;
    createStream(): OfflineStream;
    decodeAsync(stream: OfflineStream): Promise<OfflineRecognizerResult>;
  }

  const sherpa: { OfflineRecognizer: typeof OfflineRecognizer };
  export default sherpa;
}
