/** Words the demo builds its titles, messages and comments from. */
import type { Random } from './prng.ts';

export const topics: Readonly<Record<string, readonly string[]>> = {
  payments: [
    'card authorisation retries',
    'refund webhooks',
    'payment intents',
    '3-D Secure challenge',
    'currency conversion',
    'fraud score checks',
    'checkout form validation',
    'Apple Pay button',
    'saved cards',
    'receipt e-mails',
    'idempotency keys',
    'payout reports',
    'SEPA mandates',
    'checkout error messages',
    'payment method selector',
    'dispute evidence upload',
  ],
  platform: [
    'rate limiting',
    'request tracing',
    'token refresh',
    'SSO login',
    'service discovery',
    'circuit breaker',
    'audit logging',
    'session storage',
    'password reset flow',
    'API key rotation',
    'gateway timeouts',
    'health checks',
    'TLS certificate renewal',
    'role permissions',
  ],
  growth: [
    'push notification opt-in',
    'onboarding carousel',
    'referral codes',
    'e-mail digests',
    'in-app messages',
    'deep links',
    'A/B test assignment',
    'notification preferences',
    'home screen widgets',
    'SMS templates',
    'dark mode',
    'offline sync',
    'sign-up funnel events',
  ],
  billing: [
    'invoice PDF rendering',
    'proration',
    'tax calculation',
    'dunning e-mails',
    'usage metering',
    'credit notes',
    'subscription upgrades',
    'billing cycle alignment',
    'VAT number validation',
    'invoice numbering',
    'ledger export',
    'payment reconciliation',
    'annual plans',
  ],
};

export const featureVerbs = ['Add', 'Support', 'Implement', 'Improve', 'Extend', 'Introduce'] as const;
export const debtVerbs = ['Refactor', 'Clean up', 'Simplify', 'Remove dead code in', 'Upgrade'] as const;
export const defectTitles = [
  (topic: string) => `Fix ${topic} for EU customers`,
  (topic: string) => `Fix race condition in ${topic}`,
  (topic: string) => `Fix ${topic} when the response is empty`,
  (topic: string) => `Handle timeout in ${topic}`,
] as const;

export const followUpCommits = [
  'Add tests',
  'Handle empty response',
  'Fix lint',
  'Update snapshots',
  'Rename helper',
  'Extract constant',
  'Add logging',
  'Update docs',
  'Tidy up',
];
export const fixupCommits = [
  'Address review comments',
  'Apply suggestions from review',
  'Fix typo',
  'Add missing test',
];

export const directPushMessages = [
  'Bump version',
  'Update README',
  'Fix CI configuration',
  'Update CODEOWNERS',
  'Update changelog',
  'Regenerate lockfile',
];

export const approvalBodies = ['LGTM', 'Looks good to me', 'Nice one!', 'Ship it', null, null, null];
export const changeRequestBodies = [
  'A few things to address before this goes in.',
  'Please add tests for the error path.',
  'I think this needs a different approach, see comments.',
  'Can we split this up? It is hard to review in one go.',
];
export const reviewComments = [
  'Can we add a test for this case?',
  'This could be null here.',
  'Nit: naming.',
  'Should this be behind a feature flag?',
  'Why not reuse the existing helper?',
  'This query will be slow on large accounts.',
  'Please handle the error instead of logging it.',
  'Consider extracting this into a function.',
  'Is this covered by the integration tests?',
];
export const conversationComments = [
  'Thanks for the review!',
  'Rebased on main.',
  'Deployed to staging for testing.',
  'Could someone from QA have a look?',
  'Good catch, fixed.',
];

export const dependencies: Readonly<Record<string, readonly string[]>> = {
  ts: ['fastify', 'zod', 'pino', 'vitest', 'typescript', '@types/node', 'undici', 'prisma'],
  tsx: ['react', 'react-dom', 'vite', '@tanstack/react-query', 'eslint', 'typescript', 'vitest'],
  go: ['golang.org/x/net', 'github.com/prometheus/client_golang', 'google.golang.org/grpc'],
  kt: [
    'androidx.core:core-ktx',
    'com.squareup.okhttp3:okhttp',
    'org.jetbrains.kotlinx:kotlinx-coroutines-android',
  ],
  java: [
    'org.springframework.boot:spring-boot-starter',
    'com.fasterxml.jackson.core:jackson-databind',
    'org.postgresql:postgresql',
  ],
  rb: ['rails', 'sidekiq', 'pg', 'rubocop', 'prawn'],
};

export const incidentTitles = [
  (service: string) => `Elevated 5xx error rate on ${service}`,
  (service: string) => `${service} latency above SLO`,
  (service: string) => `${service} returning stale data`,
  (service: string) => `Failed jobs piling up in ${service}`,
  (service: string) => `Login errors after ${service} release`,
];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
}

export function version(rng: Random): string {
  return `${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 15)}`;
}
