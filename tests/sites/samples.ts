// The sample addresses each adapter's file starts with. They stay out of the adapter object, so the content
// script does not carry them: a test finds them in the adapter's file, `sites/<platform>.ts`.
import { MatchPattern } from '@webext-core/match-patterns';
import type { Samples, SiteAdapter } from '../../sites/types';

/** The adapter's file and what it exports; `samples` undefined when the file has none (a test says so). */
export async function adapterFile(
  adapter: SiteAdapter,
): Promise<{ exportsAdapter: boolean; samples?: Samples }> {
  const file: Record<string, unknown> = await import(`../../sites/${adapter.platform}.ts`).catch(() => ({}));
  return {
    exportsAdapter: Object.values(file).includes(adapter),
    samples: file.samples as Samples | undefined,
  };
}

/** Every adapter with its samples, none when its file has none. */
export async function withSamples(adapters: readonly SiteAdapter[]): Promise<[SiteAdapter, Samples][]> {
  const none: Samples = { profiles: [], listings: [], others: [] };
  return Promise.all(adapters.map(async (a) => [a, (await adapterFile(a)).samples ?? none]));
}

/** The patterns among `patterns` that match an address, as the browser would decide. */
export function matching(patterns: readonly string[], href: string): string[] {
  return patterns.filter((p) => new MatchPattern(p).includes(href));
}
