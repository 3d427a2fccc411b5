/**
 * The app shell: the top bar, sign-in gate and page switch. Pages are functions from a route
 * to an element; each loads its own data and shows its own loading, empty and error states.
 */
import './styles.css';
import { agentsPage } from './pages/agents-page.ts';
import { callListPage } from './pages/call-list-page.ts';
import { callPage } from './pages/call-page.ts';
import { calibrationPage } from './pages/calibration-page.ts';
import { disputesPage } from './pages/disputes-page.ts';
import { evaluationsPage } from './pages/evaluations-page.ts';
import { examplesPage } from './pages/examples-page.ts';
import { queuePage } from './pages/queue-page.ts';
import { samplingPage } from './pages/sampling-page.ts';
import { signInPage } from './pages/sign-in-page.ts';
import { roleSets, type Role } from '../../api/roles.ts';
import { h, fill, emptyState, loadingState } from './dom.ts';
import { signedInPrincipal } from './principal.ts';
import { startRouter, type PageRenderer, type Route } from './router.ts';
import { forgetToken, storedToken } from './session.ts';

const pages: Record<string, PageRenderer> = {
  calls: (route, signal) => (route.parts[1] ? callPage(route.parts[1], route, signal) : callListPage(route, signal)),
  agents: agentsPage,
  examples: examplesPage,
  queue: queuePage,
  sampling: samplingPage,
  calibrations: calibrationPage,
  evaluations: evaluationsPage,
  disputes: disputesPage,
};

/** Each page with the roles whose API requests it makes (api/roles.ts); the others do not see it. */
const navigation: readonly { section: string; label: string; roles: readonly Role[] }[] = [
  { section: 'calls', label: 'Calls', roles: roleSets.everyone },
  { section: 'agents', label: 'Agents', roles: roleSets.coaches },
  { section: 'examples', label: 'Example library', roles: roleSets.staff },
  { section: 'queue', label: 'My queue', roles: roleSets.reviewers },
  { section: 'sampling', label: 'Sampling', roles: roleSets.samplers },
  { section: 'calibrations', label: 'Calibration', roles: roleSets.samplers },
  { section: 'evaluations', label: 'My evaluations', roles: roleSets.agents },
  { section: 'disputes', label: 'Disputes', roles: roleSets.disputeResolvers },
];

/** The top bar; before the role is known it offers only the pages every role may open. */
function topBar(section: string | undefined, role?: Role): HTMLElement {
  const signOut = () => {
    forgetToken();
    location.hash = '#/sign-in';
  };
  return h('nav', { class: 'top-bar', 'aria-label': 'Main' }, [
    h('a', { class: 'brand', href: '#/calls' }, ['callqa']),
    h('ul', {}, navigation.filter((entry) => entry.roles.length === roleSets.everyone.length || (role && entry.roles.includes(role))).map(({ section: target, label }) =>
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
  const entry = navigation.find((candidate) => candidate.section === section);
  document.title = `callqa · ${entry?.label ?? 'not found'}`;
  if (!page) {
    fill(main, emptyState('No such page', `Nothing lives at ${location.hash}.`));
    return;
  }
  fill(main, loadingState('the page'));
  const show = (role: Role | undefined) => {
    if (signal.aborted) return;
    fill(document.getElementById('top-bar')!, topBar(section, role));
    if (role && entry && !entry.roles.includes(role)) fill(main, emptyState('Not open to your role', `${entry.label} is for ${entry.roles.join(', ')}.`));
    else fill(main, page(route, signal));
  };
  // Unknown role (the lookup failed): the page is shown and the API decides.
  signedInPrincipal().then((me) => show(me.role), () => show(undefined));
}

if (!location.hash) location.replace(storedToken() ? '#/calls' : '#/sign-in');
startRouter(renderRoute);
