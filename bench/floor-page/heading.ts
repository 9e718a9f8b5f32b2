/** What the popup's floor page draws, and what the benchmark waits for in it. */
export const FLOOR_PAGE_HEADING = 'Empty extension page';
