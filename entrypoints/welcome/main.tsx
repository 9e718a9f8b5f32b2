import '../../components/theme.css';
import { render } from 'preact';
import { announceRecordChanges } from '../../contexts/browser/record-changes';
import { Welcome } from '../../contexts/welcome/welcome';

// Opened once, when the extension is installed.
announceRecordChanges();
render(<Welcome />, document.getElementById('app') as HTMLElement);
