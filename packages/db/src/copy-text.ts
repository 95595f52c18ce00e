/**
 * Encodes rows in COPY's text format. Both adapters stream the same bytes, so a value loads the
 * same way on PGlite and PostgreSQL. https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2
 */
/**
 * One row as a COPY text line. `jsonColumns` marks the positions of json/jsonb columns: their
 * values are always written as JSON (a JS array there is a JSON array, not a PostgreSQL array).
 */
export function copyLine(row: readonly unknown[], jsonColumns: ReadonlySet<number> = new Set()): string {
  return (
    row
      .map((value, i) =>
        jsonColumns.has(i) && value != null ? escapeText(JSON.stringify(value)) : copyField(value),
      )
      .join('\t') + '\n'
  );
}

export function* copyChunks(
  rows: Iterable<readonly unknown[]>,
  jsonColumns: ReadonlySet<number> = new Set(),
  chunkChars = 1 << 20,
): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row, jsonColumns);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return escapeText(toText(value));
}

function toText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  throw new TypeError(`cannot COPY a value of type ${typeof value}`);
}

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    const text = toText(item);
    return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  });
  return '{' + items.join(',') + '}';
}

function escapeText(text: string): string {
  return text.replace(/[\\\n\r\t]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      default:
        return '\\t';
    }
  });
}

/** Quotes an identifier (optionally schema-qualified with a dot) for use in generated SQL. */
export function quoteIdent(name: string): string {
  return name
    .split('.')
    .map((part) => '"' + part.replace(/"/g, '""') + '"')
    .join('.');
}

export function copySql(table: string, columns: readonly string[], from: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${from}`;
}

/** INSERT of a JSON array of objects, typed by the target table's own row type. */
export function insertFromJsonSql(table: string, columns: readonly string[]): string {
  const list = columns.map(quoteIdent).join(', ');
  return `INSERT INTO ${quoteIdent(table)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(null::${quoteIdent(table)}, $1::jsonb)`;
}

/** Rows as JSON text arrays of objects keyed by column, `batchRows` rows at a time. */
export function* jsonBatches(
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  batchRows = 5000,
): Generator<string> {
  let batch: Record<string, unknown>[] = [];
  for (const row of rows) {
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = row[i];
      record[column] = typeof value === 'bigint' ? value.toString() : (value ?? null);
    });
    batch.push(record);
    if (batch.length >= batchRows) {
      yield JSON.stringify(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield JSON.stringify(batch);
}
