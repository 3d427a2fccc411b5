import { describe, expect, it } from 'vitest';
import { locateInRecording, planSpeechChunks, type ChunkPlanSettings } from './chunk-plan.ts';

const settings: ChunkPlanSettings = { maxChunkS: 28, padS: 0.2, joinGapS: 0.6, separatorS: 0.4 };

describe('planSpeechChunks', () => {
  it('pads regions, joins those a short pause apart and separates the rest', () => {
    const [plan, ...rest] = planSpeechChunks(1, [{ startS: 1, endS: 2 }, { startS: 2.5, endS: 3 }, { startS: 10, endS: 11 }], 60, settings);
    expect(rest).toEqual([]);
    expect(plan!.channel).toBe(1);
    expect(plan!.pieces).toEqual([
      { recordingStartS: 0.8, recordingEndS: 3.2, chunkStartS: 0 },
      { recordingStartS: 9.8, recordingEndS: 11.2, chunkStartS: expect.closeTo(2.8, 9) },
    ]);
    expect(plan!.durationS).toBeCloseTo(2.4 + 0.4 + 1.4, 9);
  });

  it('clamps padding to the recording', () => {
    const [plan] = planSpeechChunks(0, [{ startS: 0.1, endS: 4.95 }], 5, settings);
    expect(plan!.pieces[0]).toMatchObject({ recordingStartS: 0, recordingEndS: 5 });
  });

  it('cuts a region longer than a chunk into equal parts of at most maxChunkS', () => {
    const plans = planSpeechChunks(0, [{ startS: 10, endS: 50 }], 100, settings);
    expect(plans.map((plan) => plan.durationS)).toEqual([expect.closeTo(20.2, 9), expect.closeTo(20.2, 9)]);
    expect(plans[1]!.pieces[0]!.recordingStartS).toBeCloseTo(plans[0]!.pieces[0]!.recordingEndS, 9);
  });

  it('cuts an overfull chunk at its longest pause that leaves at least half a chunk', () => {
    const regions = [0, 6, 12, 24, 30, 36].map((startS) => ({ startS, endS: startS + 4.6 }));
    // Padded pauses: 1, 1, 7, 1, 1 s; all six need 31.8 s, so the 7 s pause is where to cut.
    const plans = planSpeechChunks(0, regions, 100, settings);
    expect(plans.map((plan) => plan.pieces.map((piece) => Math.round(piece.recordingStartS)))).toEqual([[0, 6, 12], [24, 30, 36]]);
    for (const plan of plans) expect(plan.durationS).toBeLessThanOrEqual(28);
  });

  it('plans nothing without speech', () => {
    expect(planSpeechChunks(0, [], 10, settings)).toEqual([]);
  });
});

describe('locateInRecording', () => {
  const [plan] = planSpeechChunks(0, [{ startS: 5, endS: 6 }, { startS: 20, endS: 21 }], 60, settings);

  it('maps chunk seconds through the piece they fall in', () => {
    expect(locateInRecording(plan!, 0.5)).toEqual({ pieceIndex: 0, recordingS: 5.3 });
    expect(locateInRecording(plan!, 1.8 + 0.5)).toEqual({ pieceIndex: 1, recordingS: expect.closeTo(20.3, 9) });
  });

  it('snaps a time in a separator to the end of the piece before', () => {
    expect(locateInRecording(plan!, 1.5)).toEqual({ pieceIndex: 0, recordingS: 6.2 });
  });
});
