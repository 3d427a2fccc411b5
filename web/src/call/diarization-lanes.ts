/**
 * A mono call's two parties as two lanes of turns under its one-channel waveform, from the
 * result's diarization: agent above, customer below (speaker A and B when the agent is
 * unknown). Each turn is a bar at its place in the call; clicking one plays from its start.
 */
import type { CallDetail } from '../api-types.ts';
import { h } from '../dom.ts';

type Diarization = NonNullable<CallDetail['result']['diarization']>;

function laneTitle(diarization: Diarization, speaker: 'A' | 'B'): string {
  const party = diarization.speakers.find((candidate) => candidate.id === speaker)?.party ?? 'unknown';
  return party === 'unknown' ? `Speaker ${speaker}` : party === 'agent' ? 'Agent' : 'Customer';
}

export function diarizationLanes(diarization: Diarization, durationS: number, seek: (seconds: number) => void): HTMLElement {
  const agentFirst: ReadonlyArray<'A' | 'B'> = diarization.agent.speaker === 'B' ? ['B', 'A'] : ['A', 'B'];
  const percent = (seconds: number) => `${((100 * seconds) / Math.max(durationS, 1e-3)).toFixed(3)}%`;
  const lanes = agentFirst.map((speaker, index) =>
    h('div', { class: `diarization-lane lane-${index}`, 'data-testid': `diarization-lane-${index}` }, [
      h('span', { class: 'diarization-lane-title' }, [laneTitle(diarization, speaker)]),
      h('div', { class: 'diarization-lane-turns' }, diarization.turns.filter((turn) => turn.speaker === speaker).map((turn) => {
        const bar = h('button', {
          type: 'button', class: 'diarization-turn', title: `${turn.start.toFixed(1)}–${turn.end.toFixed(1)} s`,
          style: `left:${percent(turn.start)};width:${percent(turn.end - turn.start)}`,
        });
        bar.addEventListener('click', () => seek(turn.start));
        return bar;
      })),
    ]));
  const confidence = `${Math.round(diarization.agent.confidence * 100)} %`;
  const note = diarization.agent.speaker === null ? `agent unknown (best guess ${confidence})` : `agent identified, confidence ${confidence}`;
  return h('div', { class: 'diarization', 'aria-label': 'Who spoke when (diarization)' }, [
    ...lanes,
    h('p', { class: 'diarization-note' }, [`Mono recording, parties told apart by the ${diarization.source} diarization; ${note}.`]),
  ]);
}
