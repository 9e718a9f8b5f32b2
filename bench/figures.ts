// One function per figure of issue 10, each computed from the interleaved page loads (bench/page-loads.ts).
// Times are the page's own clock. "Minus the floor" pairs each load with the floor's load of the same page
// in the same repetition, each counted from its own page's DOMContentLoaded: on this shared machine the
// saved pages took 0.8–1.7 s to parse from one load to the next, noise that would drown a 50 ms target,
// and is the same with or without an extension. A content script at document_idle runs after
// DOMContentLoaded and cannot move it; one that runs earlier could, so `dclRatio` checks it stays put (and
// the times from navigation start are kept too).
import type { LoadSample } from './browsers';
import type { PageSamples, Variant } from './page-loads';
import type { BenchPage } from './pages';
import { mean, pairedDifferences, ratioOfMedians, type Summary, summarize } from './stats';

type Samples = (LoadSample | null | undefined)[];

const of = (samples: PageSamples, page: BenchPage, variant: Variant): Samples =>
  samples[page.id]?.[variant] ?? [];
const pick = (list: Samples, value: (s: LoadSample) => number | null | undefined) =>
  Array.from(list, (s) => (s ? (value(s) ?? null) : null));

/** A time of the load counted from its own DOMContentLoaded. */
const afterDcl = (at: number | null | undefined, s: LoadSample) =>
  typeof at === 'number' && s.record.domContentLoaded !== null ? at - s.record.domContentLoaded : null;
const ready = (s: LoadSample) => afterDcl(s.record.overlayReady[0], s);
const readyFromNavigation = (s: LoadSample) => s.record.overlayReady[0] ?? null;
const hostInserted = (s: LoadSample) => afterDcl(s.record.overlayInserted[0], s);
const floorInserted = (s: LoadSample) => afterDcl(s.record.floorInserted, s);
const dcl = (s: LoadSample) => s.record.domContentLoaded;

export type OverlayFigure = {
  /** Overlay ready − the floor's insertion (each after its DOMContentLoaded), paired by repetition. */
  minusFloor: Summary | null;
  /** When the host went in, minus the floor's insertion: the content script's own delay. */
  hostMinusFloor: Summary | null;
  /** Ready − host insertion: the frame's load, read, render and message back. */
  readyMinusHost: Summary | null;
  /** Ready and the floor's insertion, after DOMContentLoaded. */
  ready: Summary | null;
  floor: Summary | null;
  /** The same difference counted from navigation start (noisier: page parse time varies). */
  minusFloorFromNavigation: Summary | null;
  /** DOMContentLoaded with the extension over with the floor (medians): 1 unless the content script
   *  delays the page's parsing. */
  dclRatio: number | null;
  /** Host insertions per load (above 1: the content script moved it, reloading its frame). */
  insertionsPerLoad: number | null;
  failures: number;
};

function overlayFigure(extension: Samples, floor: Samples): OverlayFigure {
  const readyAt = pick(extension, ready);
  const hostAt = pick(extension, hostInserted);
  const floorAt = pick(floor, floorInserted);
  return {
    minusFloor: summarize(pairedDifferences(readyAt, floorAt)),
    hostMinusFloor: summarize(pairedDifferences(hostAt, floorAt)),
    readyMinusHost: summarize(pairedDifferences(readyAt, hostAt)),
    ready: summarize(readyAt),
    floor: summarize(floorAt),
    minusFloorFromNavigation: summarize(
      pairedDifferences(
        pick(extension, (s) => s.record.overlayReady[0]),
        pick(floor, (s) => s.record.floorInserted),
      ),
    ),
    dclRatio: ratioOfMedians(pick(extension, dcl), pick(floor, dcl)),
    insertionsPerLoad: mean(extension.flatMap((s) => (s ? [s.record.overlayInserted.length] : []))),
    failures: extension.filter((s) => !s || ready(s) === null).length,
  };
}

const profiles = (pages: BenchPage[]) => pages.filter((p) => p.kind === 'profile');
const perPage = <T>(pages: BenchPage[], figure: (page: BenchPage) => T) =>
  Object.fromEntries(pages.map((page) => [page.id, figure(page)]));

/** Overlay data-state="ready", warm (service worker running), minus the floor's insertion. */
export function overlayReadyWarm(samples: PageSamples, pages: BenchPage[]) {
  return perPage(profiles(pages), (p) => overlayFigure(of(samples, p, 'extension'), of(samples, p, 'floor')));
}

/** The same, with every service worker stopped (and checked stopped) just before the load. */
function overlayReadyColdWorker(samples: PageSamples, pages: BenchPage[]) {
  return perPage(profiles(pages), (p) =>
    overlayFigure(of(samples, p, 'extension-cold'), of(samples, p, 'floor')),
  );
}

/**
 * Overlay ready with the big database over the same with only the bench contractors: the ratio of the
 * medians of when it is ready, from navigation start — when the user has it. (Counted from
 * DOMContentLoaded, as the other overlay figures are, the overlay is ready a few milliseconds after it:
 * its frame loads and reads while the page is parsed, so a ratio of those few milliseconds says nothing
 * of the database; from navigation start, a read that outlasted the parse would show.)
 */
export function overlayBigDatabase(samples: PageSamples, pages: BenchPage[]) {
  return perPage(profiles(pages), (p) => {
    const big = of(samples, p, 'extension-big');
    const small = of(samples, p, 'extension');
    return {
      readyRatio: ratioOfMedians(pick(big, readyFromNavigation), pick(small, readyFromNavigation)),
      /** Ready from navigation start, with the big database and with the bench contractors only. */
      bigReady: summarize(pick(big, readyFromNavigation)),
      smallReady: summarize(pick(small, readyFromNavigation)),
      big: overlayFigure(big, of(samples, p, 'floor')),
    };
  });
}

/** The page's main-thread CPU time with the extension (and with the floor) over without any extension. */
export function pageTaskTime(samples: PageSamples, pages: BenchPage[]) {
  return perPage(pages, (p) => {
    const none = of(samples, p, 'none');
    const extension = of(samples, p, 'extension');
    const floor = of(samples, p, 'floor');
    const metric = (list: Samples, name: keyof LoadSample['metrics']) => pick(list, (s) => s.metrics[name]);
    const extra = (name: keyof LoadSample['metrics']) =>
      summarize(pairedDifferences(metric(extension, name), metric(none, name)));
    return {
      ratio: ratioOfMedians(metric(extension, 'taskMs'), metric(none, 'taskMs')),
      floorRatio: ratioOfMedians(metric(floor, 'taskMs'), metric(none, 'taskMs')),
      taskMs: summarize(metric(none, 'taskMs')),
      extraTaskMs: extra('taskMs'),
      extraScriptMs: extra('scriptMs'),
      extraLayoutMs: extra('layoutMs'),
      extraStyleMs: extra('styleMs'),
      extraCompileMs: extra('compileMs'),
      extraDevtoolsMs: extra('devtoolsMs'),
      extraOtherMs: extra('otherMs'),
      /** How much longer the measured window was: CPU the page spends on its own while it lasts counts too. */
      extraWindowMs: extra('windowMs'),
      floorExtraTaskMs: summarize(pairedDifferences(metric(floor, 'taskMs'), metric(none, 'taskMs'))),
      /** Loads whose DOM was still changing when the metrics were read. */
      unsettled: [...none, ...extension, ...floor].filter((s) => s && !s.settled).length,
    };
  });
}

/** Long tasks (≥ 50 ms) per load with the extension (and the floor) minus without. */
export function longTasksAdded(samples: PageSamples, pages: BenchPage[]) {
  return perPage(pages, (p) => {
    const count = (v: Variant) =>
      mean(of(samples, p, v).flatMap((s) => (s ? [s.record.longTasks.length] : [])));
    const none = count('none');
    const extension = count('extension');
    const floor = count('floor');
    return {
      added: extension !== null && none !== null ? extension - none : null,
      floorAdded: floor !== null && none !== null ? floor - none : null,
      perLoadWithout: none,
    };
  });
}

/**
 * DOMContentLoaded with the extension over with the floor (medians), on every page: above 1 when the
 * extension delays the page's parsing (the floor's script runs after it, so it cannot).
 */
function domContentLoaded(samples: PageSamples, pages: BenchPage[]) {
  return perPage(pages, (p) => ({
    ratio: ratioOfMedians(pick(of(samples, p, 'extension'), dcl), pick(of(samples, p, 'floor'), dcl)),
    /** The same with the worker stopped before the load (profiles): the extension's start is not the page's. */
    coldRatio: ratioOfMedians(
      pick(of(samples, p, 'extension-cold'), dcl),
      pick(of(samples, p, 'floor'), dcl),
    ),
    withoutRatio: ratioOfMedians(pick(of(samples, p, 'none'), dcl), pick(of(samples, p, 'floor'), dcl)),
  }));
}

/** Card badges on listings: when the first and last badge hosts went in, minus the floor's insertion
 *  (each after its DOMContentLoaded). */
function badgeTiming(samples: PageSamples, pages: BenchPage[]) {
  return perPage(
    pages.filter((p) => p.kind === 'listing'),
    (p) => {
      const extension = of(samples, p, 'extension');
      const floorAt = pick(of(samples, p, 'floor'), floorInserted);
      return {
        firstMinusFloor: summarize(
          pairedDifferences(
            pick(extension, (s) => afterDcl(s.record.firstBadge, s)),
            floorAt,
          ),
        ),
        lastMinusFloor: summarize(
          pairedDifferences(
            pick(extension, (s) => afterDcl(s.record.lastBadge, s)),
            floorAt,
          ),
        ),
        badges: summarize(pick(extension, (s) => s.record.badges)),
        expected: p.expectedBadges,
      };
    },
  );
}

/**
 * Another build beside the extension on the profiles (BENCH_ALTERNATIVE), when the run had one: its
 * overlay against the floor and its DOMContentLoaded over the floor's, warm and with its worker stopped,
 * to show a trade between the two.
 */
function alternativeFigures(samples: PageSamples, pages: BenchPage[], label: string) {
  const measured = profiles(pages).filter((p) => of(samples, p, 'alternative').some(Boolean));
  if (measured.length === 0) return undefined;
  const byPage = perPage(measured, (p) => {
    const alternative = of(samples, p, 'alternative');
    const cold = of(samples, p, 'alternative-cold');
    const floor = of(samples, p, 'floor');
    return {
      overlay: overlayFigure(alternative, floor),
      dclRatio: ratioOfMedians(pick(alternative, dcl), pick(floor, dcl)),
      cold: overlayFigure(cold, floor),
      coldDclRatio: ratioOfMedians(pick(cold, dcl), pick(floor, dcl)),
    };
  });
  return { label, byPage };
}

/** Every figure the page loads give, under the keys the results file holds them. */
export function pageFigures(
  samples: PageSamples,
  pages: BenchPage[],
  alternativeLabel = 'Alternative build',
) {
  return {
    overlayReadyWarm: overlayReadyWarm(samples, pages),
    overlayReadyColdWorker: overlayReadyColdWorker(samples, pages),
    pageTaskTime: pageTaskTime(samples, pages),
    longTasksAdded: longTasksAdded(samples, pages),
    domContentLoaded: domContentLoaded(samples, pages),
    overlayBigDatabase: overlayBigDatabase(samples, pages),
    badges: badgeTiming(samples, pages),
    alternative: alternativeFigures(samples, pages, alternativeLabel),
  };
}
