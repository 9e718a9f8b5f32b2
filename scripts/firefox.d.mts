export function findFirefox(options?: { install?: boolean }): string;
