import '../../components/theme.css';
import { render } from 'preact';
import { FLOOR_PAGE_HEADING } from './heading';

// The popup's floor: an extension page with the theme and Preact that draws one heading, and nothing else.
render(<h1>{FLOOR_PAGE_HEADING}</h1>, document.getElementById('app') as HTMLElement);
