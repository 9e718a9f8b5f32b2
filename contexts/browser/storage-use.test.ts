import { describe, expect, it, vi } from 'vitest';
import { readStorageUse } from './storage-use';

function storageThat({ persisted, usage }: { persisted: boolean; usage?: number }) {
  return {
    estimate: vi.fn(async () => ({ usage, quota: 10 * 1024 ** 3 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => true),
  };
}

describe('readStorageUse', () => {
  it('is protected with unlimitedStorage, and asks for persistence once, which Firefox then grants unasked', async () => {
    const storage = storageThat({ persisted: false, usage: 265_496 });
    expect(await readStorageUse({ storage, unlimitedStorage: async () => true })).toEqual({
      used: 265_496,
      protected: true,
    });
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('asks nothing once the storage is persistent', async () => {
    const storage = storageThat({ persisted: true, usage: 10 });
    expect(await readStorageUse({ storage, unlimitedStorage: async () => true })).toEqual({
      used: 10,
      protected: true,
    });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('without the permission: not protected, and no persistence asked for (Firefox would prompt)', async () => {
    const storage = storageThat({ persisted: false });
    expect(await readStorageUse({ storage, unlimitedStorage: async () => false })).toEqual({
      used: 0,
      protected: false,
    });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('persistence granted by the user alone is protection', async () => {
    const storage = storageThat({ persisted: true, usage: 1 });
    expect((await readStorageUse({ storage, unlimitedStorage: async () => false })).protected).toBe(true);
  });
});
