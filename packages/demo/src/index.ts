export { generateDemo, maxDemoDays, type DemoOptions } from './generate.ts';
export { loadDemo, demoLogin, type LoadDemoOptions, type LoadedDemo } from './load.ts';
export { demoDigest } from './digest.ts';
export { demoTables, rowCounts, sequentialIds, keyedTables, type TableRows, type Ids } from './tables.ts';
export { Random } from './prng.ts';
export type * from './model.ts';
