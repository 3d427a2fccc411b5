/**
 * The app shell: the top bar, sign-in gate and page switch. Pages are functions from a route
 * to an element; each loads its own data and shows its own loading, empty and error states.
 */
import './styles.css';
import { agentsPage } from './pages/agents-page.ts';
import { callListPage } from './pages/call-list-page.ts';
import { callPage } from './pages/call-page.ts';
import { examplesPage } from './pages/examples-page.ts';
import { signInPage } from './pages/sign-in-page.ts';
import { h, fill, emptyState } from './dom.ts';
import { startRouter, type PageRenderer, type Route } from './router.ts';
import { forgetToken, storedToken } from './session.ts';

const pages: Record<string, PageRenderer> = {
  calls: (route, signal) => (route.parts[1] ? callPage(route.parts[1], route, signal) : callListPage(route, signal)),
  agents: agentsPage,
  examples: examplesPage,
};

const navigation = [
  { section: 'calls', label: 'Calls' }, { section: 'agents', label: 'Agents' }, { section: 'examples', label: 'Example library' },
];

function topBar(section: string | undefined): HTMLElement {
  const signOut = () => {
    forgetToken();
    location.hash = '#/sign-in';
  };
  return h('nav', { class: 'top-bar', 'aria-label': 'Main' }, [
    h('a', { class: 'brand', href: '#/calls' }, ['callqa']),
    h('ul', {}, navigation.map(({ section: target, label }) =>
      h('li', {}, [h('a', { href: `#/${target}`, 'aria-current': target === section ? 'page' : null }, [label])]))),
    storedToken() ? h('button', { type: 'button', class: 'link-button', onclick: signOut }, ['Sign out']) : null,
  ]);
}

function renderRoute(route: Route, signal: AbortSignal): void {
  const main = document.getElementById('main')!;
  const section = route.parts[0];
  if (!storedToken() || section === 'sign-in') {
    const next = section === 'sign-in' ? route.query.get('next') ?? '#/calls' : location.hash;
    fill(document.getElementById('top-bar')!, topBar(undefined));
    fill(main, signInPage(next));
    return;
  }
  if (!section) {
    location.replace('#/calls');
    return;
  }
  fill(document.getElementById('top-bar')!, topBar(section));
  const page = pages[section];
  fill(main, page ? page(route, signal) : emptyState('No such page', `Nothing lives at ${location.hash}.`));
  document.title = `callqa · ${navigation.find((entry) => entry.section === section)?.label ?? 'not found'}`;
}

if (!location.hash) location.replace(storedToken() ? '#/calls' : '#/sign-in');
startRouter(renderRoute);
