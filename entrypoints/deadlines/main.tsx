import '../../components/theme.css';
import { render } from 'preact';
import { announceRecordChanges } from '../../contexts/browser/record-changes';
import { Deadlines } from '../../contexts/pages/deadlines';

// Where a reminder leads (`#milestone=<id>`): every open milestone on the roster, soonest due first, with
// the answers a reminder offers.
const focus = /^#milestone=([0-9A-Z]{26})$/.exec(location.hash)?.[1];

announceRecordChanges();
render(
  <div class="stack dashboard">
    <h1>Deadlines</h1>
    <p class="muted">Every open milestone, soonest due first. Say what happened; the verdicts follow.</p>
    <Deadlines focus={focus} all />
  </div>,
  document.getElementById('app') as HTMLElement,
);
