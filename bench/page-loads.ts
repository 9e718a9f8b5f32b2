// The page loads behind most figures, interleaved: in each repetition every page is loaded once in every
// variant in turn (the starting variant rotating from one repetition to the next), so that whatever else
// the shared machine is doing weighs on all variants alike.
import { type BenchBrowser, type LoadSample, measureLoad, stopServiceWorkers } from './browsers';
import type { BenchPage } from './pages';
import type { ProbeEvent } from './probe';

export type Variant =
  | 'none'
  | 'floor'
  | 'extension'
  | 'extension-cold'
  | 'extension-big'
  | 'alternative'
  | 'alternative-cold';

/** For each page, each variant's sample per repetition (null where the load failed or was not run). */
export type PageSamples = Record<string, Partial<Record<Variant, (LoadSample | null)[]>>>;

export type Browsers = {
  /** Absent in a run that sets the extension against itself only (BENCH_ONLY=scale). */
  none?: BenchBrowser;
  floor?: BenchBrowser;
  extension: BenchBrowser;
  big: BenchBrowser;
  /** Another build of the extension, set beside it on the profiles (BENCH_ALTERNATIVE): a trade shown. */
  alternative?: BenchBrowser;
};

/** The variants of the scale run (BENCH_ONLY=scale): every page with the small and the big database. */
export const scaleVariants = (): Variant[] => ['extension', 'extension-big'];

/** The variants a page is loaded in: profiles in all, listings (badges) without the stopped-worker,
 *  big-database and alternative variants, which concern the overlay. */
function variantsOf(page: BenchPage, alternative: boolean): Variant[] {
  return page.kind === 'profile'
    ? [
        'none',
        'floor',
        'extension',
        'extension-cold',
        'extension-big',
        ...(alternative ? (['alternative', 'alternative-cold'] as const) : []),
      ]
    : ['none', 'floor', 'extension'];
}

function waitFor(page: BenchPage, variant: Variant): ProbeEvent | null {
  if (variant === 'none') return null;
  if (variant === 'floor') return { kind: 'floor' };
  return page.kind === 'profile' ? { kind: 'overlay-ready' } : { kind: 'badge' };
}

export async function loadPages(
  browsers: Browsers,
  pages: BenchPage[],
  {
    reps,
    log,
    variants = (page) => variantsOf(page, browsers.alternative !== undefined),
  }: { reps: number; log: (line: string) => void; variants?: (page: BenchPage) => Variant[] },
): Promise<{ samples: PageSamples; errors: string[] }> {
  const samples: PageSamples = {};
  const errors: string[] = [];
  const browserOf: Record<Variant, BenchBrowser | undefined> = {
    none: browsers.none,
    floor: browsers.floor,
    extension: browsers.extension,
    'extension-cold': browsers.extension,
    'extension-big': browsers.big,
    alternative: browsers.alternative,
    'alternative-cold': browsers.alternative,
  };

  // Warm-up, kept out of the figures: each browser loads the first page once (its connection to the page
  // server, the extension's code caches).
  for (const browser of new Set(Object.values(browsers).filter((b) => b !== undefined))) {
    await measureLoad(browser, (pages[0] as BenchPage).url, null).catch(() => null);
  }
  for (let rep = 0; rep < reps; rep++) {
    const started = Date.now();
    for (const page of pages) {
      const list = variants(page);
      const shift = rep % list.length;
      const order = [...list.slice(shift), ...list.slice(0, shift)];
      for (const variant of order) {
        let sample: LoadSample | null = null;
        try {
          const browser = browserOf[variant];
          if (!browser) throw new Error(`no browser for ${variant}`);
          if (variant.endsWith('-cold')) await stopServiceWorkers(browser);
          sample = await measureLoad(browser, page.url, waitFor(page, variant));
          const awaited = waitFor(page, variant);
          if (awaited && sample.at === null)
            errors.push(`${page.id} ${variant} rep ${rep}: no ${awaited.kind}`);
        } catch (error) {
          errors.push(`${page.id} ${variant} rep ${rep}: ${(error as Error).message.split('\n')[0]}`);
        }
        const byVariant = samples[page.id] ?? {};
        samples[page.id] = byVariant;
        const list = byVariant[variant] ?? [];
        byVariant[variant] = list;
        list[rep] = sample;
      }
    }
    log(`  repetition ${rep + 1}/${reps}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { samples, errors };
}

/** Each load's figures in short (page clock ms; null where not measured), by page and variant. */
export function rawLoads(samples: PageSamples) {
  const short = (s: LoadSample | null | undefined) =>
    s && {
      overlay: s.record.overlayInserted,
      ready: s.record.overlayReady,
      floor: s.record.floorInserted,
      firstBadge: s.record.firstBadge,
      lastBadge: s.record.lastBadge,
      badges: s.record.badges,
      domContentLoaded: s.record.domContentLoaded,
      load: s.record.load,
      longTasks: s.record.longTasks.length,
      ...s.metrics,
    };
  return Object.fromEntries(
    Object.entries(samples).map(([page, variants]) => [
      page,
      Object.fromEntries(
        Object.entries(variants).map(([variant, list]) => [variant, Array.from(list, short)]),
      ),
    ]),
  );
}
