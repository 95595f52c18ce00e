import type { MappingChanges, Mappings } from '../api/integrations-api.ts';

/** The statuses and types whose mapping differs between `before` and `after`: what to send. */
export function mappingChanges(before: Mappings, after: Mappings): MappingChanges {
  const statuses = after.statuses.filter(
    (s) => before.statuses.find((b) => b.source === s.source)?.category !== s.category,
  );
  const types = after.types.filter((t) => before.types.find((b) => b.source === t.source)?.kind !== t.kind);
  return {
    ...(statuses.length === 0
      ? {}
      : { statuses: statuses.map(({ source, category }) => ({ source, category })) }),
    ...(types.length === 0 ? {} : { types: types.map(({ source, kind }) => ({ source, kind })) }),
  };
}
