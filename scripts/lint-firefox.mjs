// `npm run lint:firefox`: Mozilla's `web-ext lint` on the Firefox build, told in a few lines. Errors fail
// and are printed whole; warnings are counted by kind and file. The known ones come from libraries:
// Zod's never-run `eval` probe and Preact's `innerHTML` support (the extension sets no HTML from strings).
import { execFileSync } from 'node:child_process';

const SOURCE = '.output/firefox-mv3';
let output;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE, '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (failure) {
  output = failure.stdout; // web-ext exits non-zero when it finds errors; its report is still the JSON
}
const report = JSON.parse(output);
const where = (m) => `${m.file ?? ''}${m.line ? `:${m.line}` : ''}`;
for (const m of report.errors) console.error(`web-ext lint error ${m.code}: ${m.message} (${where(m)})`);
const warnings = new Map();
for (const m of report.warnings) {
  const key = `${m.code} in ${m.file ?? 'the manifest'}`;
  warnings.set(key, (warnings.get(key) ?? 0) + 1);
}
const listed = [...warnings].map(([key, n]) => (n > 1 ? `${key} (${n})` : key)).join('; ');
console.log(
  `web-ext lint of ${SOURCE}: ${report.errors.length} errors, ${report.warnings.length} warnings${listed ? ` — ${listed}` : ''}`,
);
process.exit(report.errors.length > 0 ? 1 : 0);
