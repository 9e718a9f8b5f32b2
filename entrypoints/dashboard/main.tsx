import '../../components/theme.css';
import { render } from 'preact';
import { FirstScreen, readFirstScreen } from '../../contexts/dashboard/first-screen';

// The roster page starts with the smallest script it can: the first screen of the default view, from the
// copy the page kept of it on the last visit, drawn before the database is opened or the rest of the
// extension's code is loaded. The page proper then replaces it, from the database, moments later.
const root = document.getElementById('app') as HTMLElement;
const defaultView = ['', '#', '#roster'].includes(location.hash);
const cached = defaultView ? readFirstScreen() : null;
if (cached) render(<FirstScreen screen={cached} />, root);
import('../../contexts/dashboard/app').then((app) => app.start(root));
