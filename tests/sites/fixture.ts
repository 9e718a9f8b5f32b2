// Loads one of the project's own page fixtures (tests/fixtures/sites) as a document, scripts never run.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const folder = path.resolve(import.meta.dirname, '../fixtures/sites');

export function loadFixture(file: string): Document {
  const html = readFileSync(path.join(folder, file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Removes every element matching the selector: the page without that piece of embedded data. */
export function strip(doc: Document, selector: string): Document {
  for (const el of doc.querySelectorAll(selector)) el.remove();
  return doc;
}
