/**
 * The `baseUrl` setting of HTTP connectors: an http(s) URL without user:password@, ?query or
 * #fragment (egress/base-url.ts says why), refused when the integration is saved.
 */
import { z } from 'zod';
import { baseUrlProblem } from './http/egress/base-url.ts';

export const apiBaseUrl = z.url({ protocol: /^https?$/ }).superRefine((value, ctx) => {
  const problem = baseUrlProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `the base URL ${problem}` });
});
