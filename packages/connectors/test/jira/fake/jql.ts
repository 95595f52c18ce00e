/**
 * The JQL the fake understands: what Pulse sends and what the tests configure. Clauses
 * `project = K`, `key in (…)`, `issuetype = T` / `in (…)`, `labels = L`, `updated >= "…"` (a date
 * in the account's time zone, as Jira reads it), joined by AND / OR with parentheses, then an
 * optional `ORDER BY field ASC|DESC, …`. Anything else is a 400, as in Jira.
 */
import { stateOf, type FakeIssue, type FakeJira } from './model.ts';

export class JqlError extends Error {}

type Predicate = (issue: FakeIssue) => boolean;

export interface Query {
  readonly matches: Predicate;
  readonly compare: (a: FakeIssue, b: FakeIssue) => number;
}

export function parseJql(model: FakeJira, text: string): Query {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const expect = (value: string) => {
    const token = take();
    if (token?.toLowerCase() !== value.toLowerCase())
      throw new JqlError(`Error in the JQL Query: Expecting '${value}' but got '${token ?? 'end'}'.`);
  };
  const list = (): string[] => {
    expect('(');
    const values: string[] = [];
    while (peek() !== ')') {
      values.push(unquote(take()!));
      if (peek() === ',') take();
    }
    expect(')');
    return values;
  };
  const clause = (): Predicate => {
    if (peek() === '(') {
      take();
      const inner = or();
      expect(')');
      return inner;
    }
    const field = take()?.toLowerCase();
    const op = take()?.toLowerCase();
    const values = op === 'in' ? list() : [unquote(take() ?? '')];
    switch (field) {
      case 'project':
        for (const key of values)
          if (!model.projects.some((p) => p.key === key.toUpperCase()))
            throw new JqlError(`The value '${key}' does not exist for the field 'project'.`);
        return (i) => values.some((v) => v.toUpperCase() === i.project);
      case 'key':
      case 'issuekey':
        return (i) => values.some((v) => v.toUpperCase() === i.key);
      case 'issuetype':
        return (i) => values.some((v) => v.toLowerCase() === i.type.toLowerCase());
      case 'labels':
        return (i) => values.some((v) => i.labels.includes(v));
      case 'updated': {
        if (op !== '>=') throw new JqlError(`The fake supports updated >= only, not ${op}.`);
        const bound = fromJqlDate(values[0]!, model.timeZone);
        return (i) => Date.parse(stateOf(i).updated) >= bound;
      }
      default:
        throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
    }
  };
  const and = (): Predicate => {
    let left = clause();
    while (peek()?.toLowerCase() === 'and') {
      take();
      const right = clause();
      const l = left;
      left = (i) => l(i) && right(i);
    }
    return left;
  };
  const or = (): Predicate => {
    let left = and();
    while (peek()?.toLowerCase() === 'or') {
      take();
      const right = and();
      const l = left;
      left = (i) => l(i) || right(i);
    }
    return left;
  };
  const matches = or();
  const orders: { field: string; desc: boolean }[] = [];
  if (peek()?.toLowerCase() === 'order') {
    take();
    expect('by');
    for (;;) {
      const field = take()!.toLowerCase();
      const direction = peek()?.toLowerCase();
      if (direction === 'asc' || direction === 'desc') take();
      orders.push({ field, desc: direction === 'desc' });
      if (peek() !== ',') break;
      take();
    }
  }
  if (pos < tokens.length) throw new JqlError(`Error in the JQL Query: unexpected '${peek()}'.`);
  return { matches, compare: comparator(orders) };
}

function comparator(orders: readonly { field: string; desc: boolean }[]) {
  const value = (issue: FakeIssue, field: string): number | string =>
    field === 'updated'
      ? Date.parse(stateOf(issue).updated)
      : field === 'created'
        ? Date.parse(issue.created)
        : keyOrder(issue.key);
  return (a: FakeIssue, b: FakeIssue) => {
    for (const { field, desc } of [...orders, { field: 'key', desc: false }]) {
      const x = value(a, field);
      const y = value(b, field);
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return 0;
  };
}

/** Keys sort by project, then number (PROJ-9 before PROJ-10). */
function keyOrder(key: string): string {
  const [project, number] = key.split('-');
  return `${project}-${number!.padStart(10, '0')}`;
}

function tokenize(text: string): string[] {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|'[^']*'|>=|<=|!=|[(),=<>]|[^\s(),=<>!"']+/g);
  return tokens ?? [];
}

function unquote(token: string): string {
  return /^["'].*["']$/.test(token) ? token.slice(1, -1) : token;
}

/** "2026-03-02 10:05" (or yyyy/MM/dd) in `timeZone` → epoch ms. */
export function fromJqlDate(text: string, timeZone: string): number {
  const match = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!match) throw new JqlError(`Date value '${text}' for field 'updated' is invalid.`);
  const [, y, mo, d, h = '00', mi = '00'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  // The zone's offset at that wall-clock time (two passes settle DST edges).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMs(guess, timeZone);
  return guess;
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
