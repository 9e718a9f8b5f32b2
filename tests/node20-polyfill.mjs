// Vitest 5's reporter calls Map.groupBy (Node 21+). On Node 20 a failing test would crash the report
// before it prints the failure, so the configs install this first.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value(items, keyOf) {
      const groups = new Map();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}
