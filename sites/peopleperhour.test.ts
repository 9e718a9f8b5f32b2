import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';
import { peopleperhour } from './peopleperhour';

const PROFILE = new URL(
  'https://www.peopleperhour.com/freelancer/technology-programming/tom-price-wordpress-developer-zqxvmwpa#reviews',
);
const SEARCH = new URL('https://www.peopleperhour.com/hire-freelancers?location=GB');
const freelancerId = peopleperhour.profileId;

describe('peopleperhour addresses', () => {
  it('names the freelancer by the code that survives a change of title, or the old number', () => {
    expect(freelancerId(PROFILE)).toBe('zqxvmwpa');
    expect(
      freelancerId(
        new URL('https://www.peopleperhour.com/freelancer/tom-price-senior-wordpress-engineer-zqxvmwpa'),
      ),
    ).toBe('zqxvmwpa');
    expect(
      freelancerId(new URL('https://www.peopleperhour.com/freelancer/tom/wordpress-developer/1526559')),
    ).toBe('1526559');
  });
});

describe('peopleperhour profile', () => {
  it('reads the person from JSON-LD', () => {
    const { profile } = readPage(loadFixture('peopleperhour-profile.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'peopleperhour',
      id: 'zqxvmwpa',
      key: 'peopleperhour:zqxvmwpa',
      name: 'Tom Price',
      title: 'WordPress Developer',
      location: 'Leeds, United Kingdom',
      metrics: { rating: 4.9, reviews: 57, rate: '£32/hr' },
    });
    expect(profile?.anchor?.className).toBe('member-info');
  });

  it('falls back on the title, then on the member header', () => {
    const withoutLd = strip(loadFixture('peopleperhour-profile.html'), 'script[type="application/ld+json"]');
    expect(readPage(withoutLd, PROFILE).profile).toMatchObject({
      name: 'Tom Price',
      title: 'WordPress Developer',
    });
    const bare = strip(withoutLd, 'meta, title');
    expect(readPage(bare, PROFILE).profile).toMatchObject({
      name: 'Tom Price',
      title: 'WordPress Developer',
      location: 'Leeds, United Kingdom',
    });
  });

  it('has no cards: account links are not freelancers', () => {
    expect(readPage(loadFixture('peopleperhour-profile.html'), PROFILE).cards).toEqual([]);
  });
});

describe('peopleperhour search', () => {
  it('reads one card per result', () => {
    const { profile, cards } = readPage(loadFixture('peopleperhour-search.html'), SEARCH);
    expect(profile).toBeNull();
    expect(cards.map((c) => [c.key, c.name])).toEqual([
      ['peopleperhour:zqxvmwpa', 'Tom Price'],
      ['peopleperhour:wxyvzqa', 'Ana Gomez'],
    ]);
  });
});
