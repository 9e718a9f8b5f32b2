export * from './dates';
export * from './excuses';
export * from './facts';
export * from './rules';
export * from './score';
