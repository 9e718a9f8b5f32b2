import { describe, expect, it } from 'vitest';
import { Platform, ProfileKey } from './platform';
import { profileKey } from './profile-key';

describe('Platform', () => {
  it('accepts a lower-case word, as every site adapter and pages attached by hand are named', () => {
    for (const id of ['upwork', 'peopleperhour', 'web'])
      expect(Platform.safeParse(id).success, id).toBe(true);
  });
  it('refuses anything a key could not start with', () => {
    for (const id of ['', 'Upwork', 'people per hour', 'up-work', 'web2', 'a'.repeat(41)]) {
      expect(Platform.safeParse(id).success, id).toBe(false);
    }
  });
});

describe('profileKey', () => {
  it('lower-cases the id and prefixes the platform', () => {
    expect(profileKey('upwork', '~011CFBA3bd0cf44f8d')).toBe('upwork:~011cfba3bd0cf44f8d');
  });
  it('is accepted by the ProfileKey schema, which rejects keys without a platform', () => {
    expect(ProfileKey.safeParse(profileKey('github', 'Piuccio')).success).toBe(true);
    expect(ProfileKey.safeParse('piuccio').success).toBe(false);
  });
});
