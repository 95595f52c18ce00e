export { refreshFacts, type RefreshResult } from './facts/refresh.ts';
export { defaultFactOptions, factOptions, type FactOptions } from './options.ts';
