// Record ids are made where the record is made, unique across browsers and devices, so that a backup
// from one browser merges into another by id alone, and a sync engine could later share the same
// records (Dexie Cloud accepts own string keys with enough entropy). They sort by creation time: 10
// Crockford base-32 characters of milliseconds, then 16 of randomness (80 bits) — the ULID layout.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

/** A record's id: 26 characters of Crockford base 32, time first. */
export type RecordId = string;
export const RECORD_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

let lastTime = -1;
let lastRandom: number[] = [];

/**
 * A new id at `now`. Ids made in one context in the same millisecond still sort in the order they were
 * made: the random part of the previous one is incremented instead of drawn again.
 */
export function newId(now = Date.now()): RecordId {
  let time = Math.max(0, Math.floor(now));
  if (time <= lastTime) {
    time = lastTime;
    lastRandom = increment(lastRandom);
  } else {
    lastTime = time;
    lastRandom = [...crypto.getRandomValues(new Uint8Array(RANDOM_CHARS))].map((b) => b & 31);
  }
  return encodeTime(time) + lastRandom.map((d) => ALPHABET[d]).join('');
}

/**
 * The id of a record that was known by another key before (a number of schema 2): its time part from
 * `time`, its other 80 bits hashed from `seed`, so the same old record maps to the same id each time.
 */
export function derivedId(time: number, seed: string): RecordId {
  const digits: string[] = [];
  for (let round = 0; digits.length < RANDOM_CHARS; round++) {
    let h = hash53(seed, round);
    for (let i = 0; i < 8 && digits.length < RANDOM_CHARS; i++) {
      digits.push(ALPHABET[h % 32] as string);
      h = Math.floor(h / 32);
    }
  }
  return encodeTime(Math.max(0, Math.floor(time))) + digits.join('');
}

function encodeTime(time: number): string {
  let head = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  return head;
}

/** A 53-bit string hash (two 32-bit multiply-xorshift lanes), varied by `round`. */
function hash53(text: string, round: number): number {
  let h1 = 0xdeadbeef ^ round;
  let h2 = 0x41c6ce57 ^ round;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The next base-32 number of the same length (wrapping to zero only after 2^80 ids in one millisecond). */
function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if ((next[i] as number) < 31) {
      next[i] = (next[i] as number) + 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}
