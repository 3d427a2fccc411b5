/**
 * Play/pause, skip, speed and the clock for an <audio> element, with keyboard shortcuts on the
 * whole call page: Space plays or pauses, ← and → move 5 s (outside text fields and buttons,
 * where those keys already mean something).
 */
import { h } from '../dom.ts';
import { formatClock } from '../format.ts';

const skipSeconds = 5;
const speeds = [1, 1.25, 1.5, 2];

function ownsKeys(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName));
}

export function playerControls(audio: HTMLAudioElement, signal: AbortSignal): HTMLElement {
  const togglePlay = () => (audio.paused ? void audio.play() : audio.pause());
  const skip = (seconds: number) => {
    audio.currentTime = Math.min(Math.max(audio.currentTime + seconds, 0), audio.duration || 0);
  };
  const playButton = h('button', { type: 'button', class: 'play', 'aria-label': 'Play', onclick: togglePlay }, ['▶ Play']);
  const clock = h('span', { class: 'clock', 'aria-live': 'off' }, ['0:00.0 / —']);
  const speed = h('select', { 'aria-label': 'Playback speed' }, speeds.map((rate) => h('option', { value: rate }, [`${rate}×`])));
  speed.addEventListener('change', () => {
    audio.playbackRate = Number(speed.value);
  });

  const showState = () => {
    playButton.textContent = audio.paused ? '▶ Play' : '⏸ Pause';
    playButton.setAttribute('aria-label', audio.paused ? 'Play' : 'Pause');
  };
  const showClock = () => {
    clock.textContent = `${formatClock(audio.currentTime, true)} / ${Number.isFinite(audio.duration) ? formatClock(audio.duration, true) : '—'}`;
  };
  for (const type of ['play', 'pause', 'ended']) audio.addEventListener(type, showState);
  for (const type of ['timeupdate', 'durationchange', 'seeked']) audio.addEventListener(type, showClock);

  document.addEventListener('keydown', (event) => {
    if (ownsKeys(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const actions: Record<string, () => void> = { ' ': togglePlay, ArrowLeft: () => skip(-skipSeconds), ArrowRight: () => skip(skipSeconds) };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }, { signal });
  signal.addEventListener('abort', () => audio.pause());

  return h('div', { class: 'player-controls' }, [
    h('button', { type: 'button', 'aria-label': `Back ${skipSeconds} seconds`, onclick: () => skip(-skipSeconds) }, [`−${skipSeconds} s`]),
    playButton,
    h('button', { type: 'button', 'aria-label': `Forward ${skipSeconds} seconds`, onclick: () => skip(skipSeconds) }, [`+${skipSeconds} s`]),
    clock,
    h('label', { class: 'speed' }, ['Speed ', speed]),
    h('span', { class: 'hint' }, ['Space: play/pause · ←/→: 5 s']),
  ]);
}
