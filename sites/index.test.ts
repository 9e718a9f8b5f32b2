import { describe, expect, it } from 'vitest';
import { adapterFor, readPage } from './index';

/** A document whose every query fails, as a page in the middle of tearing itself down might. */
function brokenDocument(): Document {
  const fail = () => {
    throw new Error('detached');
  };
  return new Proxy(document.implementation.createHTMLDocument(''), {
    get(target, prop) {
      if (prop === 'querySelector' || prop === 'querySelectorAll' || prop === 'getElementById') return fail;
      return Reflect.get(target, prop, target);
    },
  });
}

describe('readPage', () => {
  it('reads nothing on a site without an adapter', () => {
    const doc = document.implementation.createHTMLDocument('Jane Doe | Portfolio');
    expect(readPage(doc, new URL('https://example.com/jane'))).toEqual({ profile: null, cards: [] });
  });

  it('never throws, whatever the document does', () => {
    for (const href of [
      'https://www.upwork.com/freelancers/~011cfba3bd0cf44f8d',
      'https://www.fiverr.com/search/gigs?query=logo',
      'https://github.com/piuccio',
    ]) {
      expect(readPage(brokenDocument(), new URL(href))).toEqual({ profile: null, cards: [] });
    }
  });

  it('reads the identity from the address on a page that has not rendered yet, with no name so far', () => {
    // An empty name tells the content script the page is still rendering: it waits before reporting.
    const doc = document.implementation.createHTMLDocument('');
    const { profile } = readPage(doc, new URL('https://www.freelancer.com/u/Someone42'));
    expect(profile).toMatchObject({ id: 'Someone42', key: 'freelancer:someone42', name: '' });
  });

  it('keeps the key lower-cased while the id keeps the spelling of the address', () => {
    const doc = document.implementation.createHTMLDocument('');
    const { profile } = readPage(doc, new URL('https://www.linkedin.com/in/Jane-DOE/'));
    expect(profile?.id).toBe('Jane-DOE');
    expect(profile?.key).toBe('linkedin:jane-doe');
  });
});

describe('adapterFor', () => {
  it('picks by host, not by path', () => {
    expect(adapterFor(new URL('https://www.upwork.com/nx/find-work/'))?.platform).toBe('upwork');
    expect(adapterFor(new URL('https://www.guru.com/freelancers/ana'))?.platform).toBe('guru');
    expect(adapterFor(new URL('https://www.upwork.com.example.org/freelancers/~01'))).toBeUndefined();
  });
});
