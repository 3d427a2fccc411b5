/**
 * Hash routes (#/calls, #/calls/ID?t=12.5 …): links and the back button work without the
 * server knowing any page path, and a filtered list is a URL one can share.
 */
export interface Route {
  /** The path's parts, e.g. ['calls', '2f9ee5c1efb41fc6']. */
  parts: string[];
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const [path = '', search = ''] = location.hash.replace(/^#/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

export function routeHref(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export type PageRenderer = (route: Route, signal: AbortSignal) => HTMLElement;

/**
 * Calls `render` for each route; the previous page's signal is aborted first, so its slow
 * answers never overwrite the page now shown.
 */
export function startRouter(render: (route: Route, signal: AbortSignal) => void): void {
  let controller = new AbortController();
  const show = () => {
    controller.abort();
    controller = new AbortController();
    render(currentRoute(), controller.signal);
  };
  window.addEventListener('hashchange', show);
  show();
}
