/**
 * CPU time of this process (all its threads, native ones included) since `started`, in ms.
 * On a shared, loaded machine wall time measures the neighbours; CPU time per unit of work is
 * what a dedicated core would take.
 */
export function cpuMsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
