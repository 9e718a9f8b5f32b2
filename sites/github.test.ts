import { describe, expect, it } from 'vitest';
import { loadFixture, strip } from '../tests/sites/fixture';
import { readPage } from './index';

const USER = new URL('https://github.com/octo-jane?tab=repositories');

describe('github user page', () => {
  it('reads the login from the address and the name from og:title', () => {
    const { profile } = readPage(loadFixture('github-user.html'), USER);
    expect(profile).toMatchObject({
      platform: 'github',
      id: 'octo-jane',
      key: 'github:octo-jane',
      name: 'Jane Octo',
      title: 'Freelance Rust and WebAssembly developer',
      location: 'Lisbon',
    });
    expect(profile?.anchor?.className).toBe('vcard-names-container');
  });

  it('falls back on the vcard without og:title or title', () => {
    const doc = strip(loadFixture('github-user.html'), 'meta[property="og:title"]');
    doc.title = '';
    expect(readPage(doc, USER).profile?.name).toBe('Jane Octo');
  });

  it('uses the login when the person shows no name', () => {
    const doc = strip(loadFixture('github-user.html'), 'meta[property="og:title"], .vcard-fullname');
    doc.title = 'octo-jane · GitHub';
    expect(readPage(doc, USER).profile?.name).toBe('octo-jane');
  });

  it('has no cards: the "Your profile" link is not one', () => {
    expect(readPage(loadFixture('github-user.html'), USER).cards).toEqual([]);
  });
});

describe('github pages that are not a person', () => {
  it('does not read an organisation, though its address looks like a user', () => {
    expect(
      readPage(loadFixture('github-org.html'), new URL('https://github.com/octo-tools')).profile,
    ).toBeNull();
  });

  it('does not read a repository or a reserved page', () => {
    const doc = loadFixture('github-user.html');
    expect(readPage(doc, new URL('https://github.com/octo-jane/some-repo')).profile).toBeNull();
    expect(readPage(doc, new URL('https://github.com/settings')).profile).toBeNull();
  });
});
