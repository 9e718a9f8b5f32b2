// Small DOM readers shared by the adapters. Each takes the document (or an element) it reads: no globals,
// so they work on any parsed document, not only the one the content script runs in.
import type { PlatformMetrics } from '../model/page';
import type { CardFound } from './types';

/** Text of an element with whitespace collapsed; '' when absent. */
export function textOf(el: Element | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Text of the first element matching any selector, in order (newest variant first). */
export function firstText(root: ParentNode, selectors: readonly string[]): string {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text) return text;
  }
  return '';
}

/** First element matching any selector, in order. */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return undefined;
}

/** Content of `<meta property=…>` or `<meta name=…>`. */
export function metaContent(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return el?.getAttribute('content')?.trim() ?? '';
}

/** The page's canonical address, when it names one on the same site. */
export function canonicalUrl(doc: Document, url: URL): URL | null {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') || metaContent(doc, 'og:url');
  if (!href) return null;
  try {
    const canonical = new URL(href, url);
    return canonical.hostname === url.hostname ? canonical : null;
  } catch {
    return null;
  }
}

/** Path segments, decoded, without empty ones: `/a/b/` → ['a', 'b']. */
export function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Every JSON-LD object on the page, `@graph` members included. Malformed blocks are skipped. */
function ldObjects(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      found.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
      if (obj.mainEntity) visit(obj.mainEntity);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block on the page says nothing about the person; ignore it.
    }
  }
  return found;
}

/** The first JSON-LD `Person` on the page. */
export function ldPerson(doc: Document): Record<string, unknown> | undefined {
  return ldObjects(doc).find((o) => {
    const type = o['@type'];
    return type === 'Person' || (Array.isArray(type) && type.includes('Person'));
  });
}

/**
 * A person's name and headline from the most reliable source that has each: the page's JSON-LD `Person`,
 * then what the page title says, then the page's own elements (newest variant first).
 */
export function nameAndTitle(
  person: Record<string, unknown> | undefined,
  fromTitle: { name?: string; title?: string },
  scope: ParentNode,
  selectors: { name: readonly string[]; title: readonly string[] },
): { name: string; title?: string } {
  return {
    name: str(person?.name) || fromTitle.name || firstText(scope, selectors.name),
    title: optional(str(person?.jobTitle) || fromTitle.title || firstText(scope, selectors.title)),
  };
}

/** A string field of a JSON-ish object; first entry when it is a list. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  return '';
}

/** Walks a path of keys into parsed JSON; undefined as soon as one is missing. */
export function dig(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Parses the JSON inside `<script id=…>`; undefined when absent or malformed. */
export function scriptJson(doc: Document, id: string): unknown {
  const el = doc.getElementById(id);
  if (!el) return undefined;
  try {
    return JSON.parse(el.textContent ?? '');
  } catch {
    return undefined;
  }
}

/** First number in a text ("4.9 (221 reviews)" → 4.9; "1,204" → 1204). */
export function numberIn(text: string): number | undefined {
  const match = text.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(?:\.\d+)?/);
  return match ? Number(match[0]) : undefined;
}

/** Keeps only the metrics that are present and in range; undefined when none is. */
export function cleanMetrics(metrics: PlatformMetrics): PlatformMetrics | undefined {
  const out: PlatformMetrics = {};
  const { rating, reviews, jobSuccess, level, rate } = metrics;
  if (rating !== undefined && Number.isFinite(rating) && rating >= 0 && rating <= 5) out.rating = rating;
  if (reviews !== undefined && Number.isInteger(reviews) && reviews >= 0) out.reviews = reviews;
  if (jobSuccess !== undefined && Number.isFinite(jobSuccess) && jobSuccess >= 0 && jobSuccess <= 100) {
    out.jobSuccess = jobSuccess;
  }
  if (level) out.level = level.slice(0, 200);
  if (rate) out.rate = rate.slice(0, 200);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Drops empty optional strings so readings only carry what the page showed. */
export function optional(value: string): string | undefined {
  return value ? value : undefined;
}

/**
 * One card per card element: `read` names the freelancer a card links to (or null when it links to none),
 * and a card nested inside another matched card is the same card.
 */
export function collectCards(
  doc: Document,
  cardSelectors: readonly string[],
  read: (card: Element) => { id: string; name?: string } | null,
): CardFound[] {
  // One query over every variant: document order, each element once.
  const roots = new Set<Element>(doc.querySelectorAll(cardSelectors.join(', ')));
  const cards: CardFound[] = [];
  for (const element of roots) {
    if (hasAncestorIn(element, roots)) continue;
    const found = read(element);
    if (found?.id) cards.push({ id: found.id, name: found.name, element });
  }
  return cards;
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let parent = el.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return true;
  return false;
}

/** Resolves a link's address against the page; null for a missing or foreign one. */
export function linkUrl(a: Element | null | undefined, base: URL): URL | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The first link in `card` matching `selector` whose address names a freelancer (by `idOf`), and that link. */
export function firstLinked(
  card: Element,
  selector: string,
  base: URL,
  idOf: (url: URL) => string | null,
): { id: string; link: Element } | null {
  for (const link of card.querySelectorAll(selector)) {
    const target = linkUrl(link, base);
    const id = target && idOf(target);
    if (id) return { id, link };
  }
  return null;
}

/** True when `host` is `domain` or one of its subdomains. */
export function onHost(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * A page title such as "Jane Doe - Brand Designer | Site" split into its parts, once the site's own suffix
 * (" | Site", " - Site", " · Site") is gone: ['Jane Doe', 'Brand Designer'].
 */
export function titleParts(title: string, site: RegExp): string[] {
  const bare = title.replace(site, '').trim();
  return bare ? bare.split(/ [-–—|] /).map((p) => p.trim()) : [];
}
