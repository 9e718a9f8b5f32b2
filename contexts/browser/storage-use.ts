/** How much the records take, and whether the browser may clear them to free disk space. */
export type StorageUse = { used: number; protected: boolean };

export type StorageUseDeps = {
  storage: Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;
  /** Whether the browser granted `unlimitedStorage` (the manifest asks for it). */
  unlimitedStorage(): Promise<boolean>;
};

/**
 * The storage used in the extension's origin, and whether it is protected from eviction: Chrome exempts
 * an extension holding `unlimitedStorage` from eviction (and from the quota) while `persisted()` stays
 * false; Firefox grants such an extension persistent storage without a prompt, so it is asked for here
 * and then reported. Without the permission nothing is asked: Firefox would prompt.
 */
export async function readStorageUse({ storage, unlimitedStorage }: StorageUseDeps): Promise<StorageUse> {
  const [estimate, unlimited, persisted] = await Promise.all([
    storage.estimate(),
    unlimitedStorage(),
    storage.persisted(),
  ]);
  if (unlimited && !persisted) await storage.persist();
  return { used: estimate.usage ?? 0, protected: unlimited || persisted };
}
