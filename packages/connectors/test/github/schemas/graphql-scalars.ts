/**
 * How GitHub serialises each GraphQL scalar in a JSON result, per the scalar descriptions in its
 * schema (e.g. BigInt: "encoded as a string"; DateTime: "ISO-8601 encoded UTC date string").
 */

type ScalarCheck = (value: unknown) => boolean;

const isString = (value: unknown): value is string => typeof value === 'string';
const matches =
  (pattern: RegExp): ScalarCheck =>
  (value) =>
    isString(value) && pattern.test(value);
// The pattern checks the shape; Date.parse rejects impossible dates such as 2024-13-45.
const date =
  (pattern: RegExp): ScalarCheck =>
  (value) =>
    matches(pattern)(value) && !Number.isNaN(Date.parse(value as string));

const utcDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$/;
const offsetDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

const checks: Record<string, { check: ScalarCheck; expected: string }> = {
  Int: {
    check: (value) =>
      Number.isInteger(value) && (value as number) >= int32.min && (value as number) <= int32.max,
    expected: 'a 32-bit integer',
  },
  Float: {
    check: (value) => typeof value === 'number' && Number.isFinite(value),
    expected: 'a finite number',
  },
  Boolean: { check: (value) => typeof value === 'boolean', expected: 'a boolean' },
  String: { check: isString, expected: 'a string' },
  // GraphQL serialises ID as a string even when it looks numeric.
  ID: { check: isString, expected: 'a string ID' },
  BigInt: { check: matches(/^-?\d+$/), expected: 'an integer encoded as a string' },
  DateTime: { check: date(utcDateTime), expected: 'an ISO-8601 UTC date-time string' },
  PreciseDateTime: { check: date(utcDateTime), expected: 'an ISO-8601 UTC date-time string' },
  GitTimestamp: { check: date(offsetDateTime), expected: 'an ISO-8601 date-time string' },
  Date: { check: date(/^\d{4}-\d{2}-\d{2}$/), expected: 'an ISO-8601 date (YYYY-MM-DD)' },
  // Full SHA-1 object IDs (40 hex digits), or SHA-256 ones (64) for repositories using that format.
  GitObjectID: { check: matches(/^([0-9a-f]{40}|[0-9a-f]{64})$/), expected: 'a full hex git object ID' },
  // URI includes relative references such as PullRequest.resourcePath ("/acme/api/pull/1").
  URI: { check: isString, expected: 'a URI string' },
  Base64String: { check: isString, expected: 'a base64 string' },
  GitRefname: { check: isString, expected: 'a ref name string' },
  GitSSHRemote: { check: isString, expected: 'an SSH remote string' },
  HTML: { check: isString, expected: 'an HTML string' },
  X509Certificate: { check: isString, expected: 'a certificate string' },
};

/** Returns why `value` is not a valid serialisation of scalar `name`, or undefined when it is. */
export function scalarViolation(name: string, value: unknown): string | undefined {
  const known = checks[name];
  // A scalar GitHub adds later: anything JSON can carry, until a rule is written for it here.
  if (known === undefined) return value === undefined ? `expected a ${name} value` : undefined;
  return known.check(value)
    ? undefined
    : `expected ${known.expected} (${name}), got ${JSON.stringify(value)}`;
}
