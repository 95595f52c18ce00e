/** Looks up `count` repositories by owner and name in one request (aliases r0…rN). */
export function repositoriesByNameQuery(count: number): string {
  const params = Array.from({ length: count }, (_, i) => `$o${i}: String!, $n${i}: String!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `  r${i}: repository(owner: $o${i}, name: $n${i}) { ...repo }`,
  ).join('\n');
  return `query Repositories(${params}) {
${fields}
}
fragment repo on Repository { id nameWithOwner url isArchived defaultBranchRef { name } }`;
}
