import { describe, expect, it } from 'vitest';
import { ProfileKey, profileKey } from './platform';

describe('profileKey', () => {
  it('lower-cases the id and prefixes the platform', () => {
    expect(profileKey('upwork', '~011CFBA3bd0cf44f8d')).toBe('upwork:~011cfba3bd0cf44f8d');
  });
  it('is accepted by the ProfileKey schema, which rejects keys without a platform', () => {
    expect(ProfileKey.safeParse(profileKey('github', 'Piuccio')).success).toBe(true);
    expect(ProfileKey.safeParse('piuccio').success).toBe(false);
  });
});
