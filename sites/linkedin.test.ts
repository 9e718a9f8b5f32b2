import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const PROFILE = new URL('https://www.linkedin.com/in/Sam-Okafor-7f3e2a/');

describe('linkedin profile, signed in', () => {
  it('strips the unread count from the title and reads the top card', () => {
    const { profile } = readPage(loadFixture('linkedin-profile.html'), PROFILE);
    expect(profile).toMatchObject({
      platform: 'linkedin',
      id: 'Sam-Okafor-7f3e2a',
      key: 'linkedin:sam-okafor-7f3e2a',
      name: 'Sam Okafor',
      title: 'Freelance mobile developer · Flutter',
      location: 'Lagos, Nigeria',
    });
    expect(profile?.anchor?.classList.contains('pv-top-card')).toBe(true);
  });

  it('falls back on the top card heading without a title', () => {
    const doc = loadFixture('linkedin-profile.html');
    doc.title = '';
    expect(readPage(doc, PROFILE).profile?.name).toBe('Sam Okafor');
  });

  it('has no cards: the "Me" link to the viewer is not one', () => {
    expect(readPage(loadFixture('linkedin-profile.html'), PROFILE).cards).toEqual([]);
  });
});

describe('linkedin profile, public page', () => {
  it('reads the person from the JSON-LD graph, not the employer in the title', () => {
    const { profile } = readPage(loadFixture('linkedin-public.html'), PROFILE);
    expect(profile).toMatchObject({
      name: 'Sam Okafor',
      title: 'Freelance mobile developer',
      location: 'Lagos',
    });
  });

  it('falls back on the public top card', () => {
    const doc = strip(loadFixture('linkedin-public.html'), 'script[type="application/ld+json"], meta, title');
    expect(readPage(doc, PROFILE).profile).toMatchObject({
      name: 'Sam Okafor',
      title: 'Freelance mobile developer',
      location: 'Lagos',
    });
  });

  it('is not read on the feed or a company page', () => {
    const doc = loadFixture('linkedin-public.html');
    expect(readPage(doc, new URL('https://www.linkedin.com/feed/')).profile).toBeNull();
    expect(readPage(doc, new URL('https://www.linkedin.com/company/flutter-studio/')).profile).toBeNull();
  });
});

describe('linkedin profile, public page of earlier designs', () => {
  const LEGACY = new URL('https://www.linkedin.com/in/inesmoreau');

  it('reads the 2014–2017 top card, its name from the title', () => {
    const { profile } = readPage(loadFixture('linkedin-public-2016.html'), LEGACY);
    expect(profile).toMatchObject({
      id: 'inesmoreau',
      name: 'Ines Moreau',
      title: 'Freelance technical translator',
      location: 'Lyon Area, France',
    });
    expect(profile?.anchor?.id).toBe('topcard');
  });

  it('reads the masthead of the page before 2014, which has no canonical link or og: tags', () => {
    const { profile } = readPage(loadFixture('linkedin-public-2013.html'), LEGACY);
    expect(profile).toMatchObject({
      id: 'inesmoreau',
      name: 'Ines Moreau',
      title: 'Freelance technical translator',
      location: 'Lyon, France',
    });
    expect(profile?.anchor?.classList.contains('masthead')).toBe(true);
  });

  it('has no cards on either', () => {
    expect(readPage(loadFixture('linkedin-public-2016.html'), LEGACY).cards).toEqual([]);
    expect(readPage(loadFixture('linkedin-public-2013.html'), LEGACY).cards).toEqual([]);
  });
});
