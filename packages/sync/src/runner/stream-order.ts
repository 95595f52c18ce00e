import type { Stream } from '@pulse/connectors';

/** Orders streams so each comes after the streams it depends on; a cycle or unknown name is a bug. */
export function streamOrder<S extends Pick<Stream<unknown, unknown>, 'name' | 'dependsOn'>>(
  streams: readonly S[],
): S[] {
  const byName = new Map(streams.map((s) => [s.name, s]));
  const ordered: S[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (stream: S, path: string[]): void => {
    if (state.get(stream.name) === 'done') return;
    if (state.get(stream.name) === 'visiting')
      throw new Error(`stream dependency cycle: ${[...path, stream.name].join(' → ')}`);
    state.set(stream.name, 'visiting');
    for (const name of stream.dependsOn ?? []) {
      const dependency = byName.get(name);
      if (dependency === undefined)
        throw new Error(`stream ${stream.name} depends on unknown stream ${name}`);
      visit(dependency, [...path, stream.name]);
    }
    state.set(stream.name, 'done');
    ordered.push(stream);
  };
  for (const stream of streams) visit(stream, []);
  return ordered;
}
