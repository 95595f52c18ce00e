/** A page of a Pulse list endpoint. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
