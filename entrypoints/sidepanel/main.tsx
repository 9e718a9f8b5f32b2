import '../../components/theme.css';
import { render } from 'preact';
import { announceRecordChanges } from '../../contexts/browser/record-changes';
import { SidePanel } from '../../contexts/pages/side-panel-view';

announceRecordChanges();
render(
  <div class="stack sidepanel">
    <SidePanel />
  </div>,
  document.getElementById('app') as HTMLElement,
);
