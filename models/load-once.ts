/**
 * Wraps a loader so each key loads once per process (or worker thread): concurrent callers
 * share the in-flight promise, so a batch never holds two copies of one model, and a failed
 * load is forgotten so that repairing the files and calling again works without a restart.
 */
export function createLoadOnce<Settings, Loaded>(
  keyOf: (settings: Settings) => string,
  load: (settings: Settings) => Promise<Loaded>,
): (settings: Settings) => Promise<Loaded> {
  const loads = new Map<string, Promise<Loaded>>();
  return (settings) => {
    const key = keyOf(settings);
    let loading = loads.get(key);
    if (!loading) {
      loading = load(settings);
      loads.set(key, loading);
      loading.catch(() => loads.delete(key));
    }
    return loading;
  };
}
