/**
 * A tiny element builder: text always goes in as text nodes, never as HTML, so call data
 * (transcripts, comments, file names) cannot inject markup.
 */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Attributes = {}, children: Child[] = []): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children.filter((child): child is Node | string | number => child !== null && child !== undefined && child !== false).map(
    (child) => (typeof child === 'number' ? String(child) : child),
  ));
  return element;
}

/** Replaces an element's content. */
export function fill(parent: Element, ...children: Node[]): void {
  parent.replaceChildren(...children);
}

export function loadingState(what: string): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status', 'aria-live': 'polite' }, [h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`]);
}

export function emptyState(title: string, hint: string): HTMLElement {
  return h('div', { class: 'state state-empty' }, [h('strong', {}, [title]), h('p', {}, [hint])]);
}

export function errorState(error: unknown, retry?: () => void): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'state state-error', role: 'alert' }, [
    h('strong', {}, ['Something went wrong']), h('p', {}, [message]),
    retry ? h('button', { type: 'button', onclick: () => retry() }, ['Try again']) : null,
  ]);
}

/** Renders what a promise gives into `slot`, with the loading and error states in between. */
export async function loadInto<T>(slot: Element, what: string, load: () => Promise<T>, render: (value: T) => Node): Promise<void> {
  fill(slot, loadingState(what));
  try {
    fill(slot, render(await load()));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    fill(slot, errorState(error, () => void loadInto(slot, what, load, render)));
  }
}
