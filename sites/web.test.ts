import { describe, expect, it } from 'vitest';
import { SeenProfile } from '../model/page';
import { normalisedAddress, siteOriginOf, webProfile } from './web';

describe('the address of a page attached by hand', () => {
  it.each([
    ['https://portfolio.example.com/jane', 'https://portfolio.example.com/jane'],
    ['https://Portfolio.EXAMPLE.com/jane/', 'https://portfolio.example.com/jane'],
    ['https://portfolio.example.com/', 'https://portfolio.example.com'],
    ['https://portfolio.example.com', 'https://portfolio.example.com'],
    ['https://portfolio.example.com/jane#work', 'https://portfolio.example.com/jane'],
    ['https://portfolio.example.com:443/jane', 'https://portfolio.example.com/jane'],
    ['http://localhost:8080/me//', 'http://localhost:8080/me'],
    [
      'https://example.com/p?utm_source=x&utm_medium=mail&id=7&fbclid=abc&gclid=1',
      'https://example.com/p?id=7',
    ],
    ['https://example.com/p?b=2&a=1', 'https://example.com/p?a=1&b=2'],
    ['https://example.com/p?utm_campaign=spring', 'https://example.com/p'],
    ['https://example.com/Jane.Doe', 'https://example.com/Jane.Doe'],
  ])('%s → %s', (address, expected) => {
    expect(normalisedAddress(address)).toBe(expected);
  });

  it.each([
    'chrome://extensions',
    'chrome-extension://abc/popup.html',
    'file:///home/me/cv.html',
    'about:blank',
    'not an address',
    `https://example.com/${'a'.repeat(600)}`,
  ])('%s is not a page to attach', (address) => {
    expect(normalisedAddress(address)).toBeNull();
    expect(webProfile(address)).toBeNull();
  });

  it('names the profile after the page title, its key lower-cased, and it passes the message schema', () => {
    const profile = webProfile(
      'https://Portfolio.example.com/Jane/?utm_source=x#top',
      '  Jane Doe —\n Portfolio ',
    );
    expect(profile).toEqual({
      platform: 'web',
      id: 'https://portfolio.example.com/Jane',
      key: 'web:https://portfolio.example.com/jane',
      name: 'Jane Doe — Portfolio',
      url: 'https://portfolio.example.com/Jane',
    });
    expect(SeenProfile.safeParse(profile).success).toBe(true);
  });

  it('falls back on the address when the page has no title', () => {
    expect(webProfile('https://example.com/jane?x=1', '')?.name).toBe('example.com/jane?x=1');
  });

  it('keeps a long title within what a profile may hold', () => {
    const profile = webProfile('https://example.com/a', 'x'.repeat(1000));
    expect(profile?.name).toHaveLength(300);
    expect(SeenProfile.safeParse(profile).success).toBe(true);
  });

  it('asks for the whole site, without port, fragment or path', () => {
    expect(siteOriginOf('https://Portfolio.example.com/jane?x=1#a')).toBe('https://portfolio.example.com/*');
    expect(siteOriginOf('http://localhost:8080/me')).toBe('http://localhost/*');
    expect(siteOriginOf('chrome://extensions')).toBeNull();
    expect(siteOriginOf('nope')).toBeNull();
  });
});
