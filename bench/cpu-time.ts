import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time of this process (all its threads, native ones included) since `started`, in ms.
 * On a shared, loaded machine wall time measures the neighbours; CPU time per unit of work is
 * what a dedicated core would take.
 */
export function cpuMsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const clockTicksPerS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds of this process's waited-for children (ffmpeg; fields cutime and cstime of /proc/self/stat). */
export function childrenCpuS(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / clockTicksPerS;
}
