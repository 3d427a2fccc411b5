/** Where download progress goes: a terminal line that redraws, or plain log lines. */
export interface ProgressSink {
  /** Draws the current state; `final` marks the last call for one file. */
  draw(line: string, final: boolean): void;
}

const barWidth = 24;
const redrawIntervalMs = 250;

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Renders `name [#####.....] 45% 12.3/27.0 MB 3.2 MB/s`, redrawn at most four times a second. */
export function createProgressMeter(name: string, totalBytes: number, startBytes: number, sink: ProgressSink, now = () => Date.now()) {
  const startedMs = now();
  let lastDrawMs = 0;
  const render = (bytes: number) => {
    const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
    const filled = Math.round(share * barWidth);
    const rate = (bytes - startBytes) / Math.max(1e-3, (now() - startedMs) / 1000);
    return `${name} [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${(share * 100).toFixed(0)}% ` +
      `${formatMegabytes(bytes)}/${formatMegabytes(totalBytes)} ${formatMegabytes(rate)}/s`;
  };
  let latestBytes = startBytes;
  return {
    update(bytes: number): void {
      latestBytes = bytes;
      if (now() - lastDrawMs < redrawIntervalMs) return;
      lastDrawMs = now();
      sink.draw(render(bytes), false);
    },
    finish(): void {
      sink.draw(render(latestBytes), true);
    },
  };
}

/** A sink for a terminal: redraws one line in place; for a pipe or log: only the final line. */
export function createStreamProgressSink(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  return {
    draw(line, final) {
      if (stream.isTTY) stream.write(`\r${line}${final ? '\n' : ''}`);
      else if (final) stream.write(`${line}\n`);
    },
  };
}
