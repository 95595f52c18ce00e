/**
 * The four teams of the demo organisation and how each one works. The numbers are chosen so the
 * teams land in different DORA bands: Payments ships small changes continuously, Platform and
 * Growth are in the middle, Billing ships large batches weekly and fails more often.
 * Durations are in hours unless the name says otherwise; rates are per person or per repository.
 */
export interface TeamProfile {
  /** Pull requests a person starts per working day. */
  readonly prsPerPersonDay: number;
  /** Median changed lines of a pull request. */
  readonly prSizeMedian: number;
  /** Mean number of commits of a pull request's branch. */
  readonly commitsPerPr: number;
  /** Median time from the first commit to ready for review. */
  readonly codingHours: number;
  readonly draftShare: number;
  /** Median time from ready for review to the first review. */
  readonly pickupHours: number;
  /** Probability of 1, 2, 3, 4 review rounds. */
  readonly reviewRounds: Readonly<Record<1 | 2 | 3 | 4, number>>;
  /** Median time the author needs to answer a round of requested changes. */
  readonly fixHours: number;
  /** Median time from the author's fix to the next review. */
  readonly rereviewHours: number;
  /** Median time from the approval to the merge. */
  readonly mergeHours: number;
  readonly unreviewedShare: number;
  readonly abandonedShare: number;
  /** Share of pull requests that carry a work item key. */
  readonly linkedShare: number;
  /** What the team's work streams are about: new features, defects, technical debt. */
  readonly workMix: Readonly<Record<'feature' | 'defect' | 'debt', number>>;
  readonly directPushesPerMonth: number;
  /** Production deployment slots per working day and repository (continuous delivery). */
  readonly productionPerDay: number;
  /** Set for a weekly release train: the weekday (0 = Sunday) of the production deployment. */
  readonly releaseWeekday: number | null;
  /** How long a commit sits on staging before it goes to production. */
  readonly stagingSoakHours: number;
  /** Extra staging deployments per working day and repository. */
  readonly extraStagingPerDay: number;
  readonly deployMinutes: number;
  /** Share of deployment attempts that fail (and are retried). */
  readonly deployFailureRate: number;
  /** Share of successful production deployments that cause an incident. */
  readonly incidentRate: number;
  /** Median time from a bad deployment to the start of its incident (monitoring and alerting). */
  readonly detectionHours: number;
  /** How a bad production deployment is repaired. */
  readonly remedies: Readonly<Record<'rollback' | 'revert' | 'hotfix' | 'forward', number>>;
  /** Median time from the start of an incident to its remedy being deployed. */
  readonly remedyHours: number;
  /** Median time to resolve an incident fixed by a normal change. */
  readonly recoveryHours: number;
}

export interface TeamSpec {
  readonly key: string;
  readonly name: string;
  readonly projectKey: string;
  readonly sprintWeekday: number;
  readonly profile: TeamProfile;
  readonly repositories: readonly RepositorySpec[];
}

export interface RepositorySpec {
  readonly name: string;
  readonly mergeMethod: 'merge' | 'squash';
  readonly sourceRoot: string;
  readonly extension: string;
  readonly dependencyBot: 'dependabot' | 'renovate';
}

const middle: TeamProfile = {
  prsPerPersonDay: 0.6,
  prSizeMedian: 150,
  commitsPerPr: 3,
  codingHours: 14,
  draftShare: 0.2,
  pickupHours: 5,
  reviewRounds: { 1: 0.6, 2: 0.3, 3: 0.1, 4: 0 },
  fixHours: 4,
  rereviewHours: 4,
  mergeHours: 2,
  unreviewedShare: 0.08,
  abandonedShare: 0.07,
  linkedShare: 0.7,
  workMix: { feature: 0.6, defect: 0.25, debt: 0.15 },
  directPushesPerMonth: 1,
  productionPerDay: 0.35,
  releaseWeekday: null,
  stagingSoakHours: 3,
  extraStagingPerDay: 0.25,
  deployMinutes: 12,
  deployFailureRate: 0.07,
  incidentRate: 0.13,
  detectionHours: 1.5,
  remedies: { rollback: 0.25, revert: 0.25, hotfix: 0.25, forward: 0.25 },
  remedyHours: 3,
  recoveryHours: 8,
};

export const teamSpecs: readonly TeamSpec[] = [
  {
    key: 'payments',
    name: 'Payments',
    projectKey: 'PAY',
    sprintWeekday: 1,
    profile: {
      prsPerPersonDay: 1,
      prSizeMedian: 60,
      commitsPerPr: 1.8,
      codingHours: 1.8,
      draftShare: 0.1,
      pickupHours: 0.5,
      reviewRounds: { 1: 0.85, 2: 0.15, 3: 0, 4: 0 },
      fixHours: 1,
      rereviewHours: 0.7,
      mergeHours: 0.3,
      unreviewedShare: 0.03,
      abandonedShare: 0.04,
      linkedShare: 0.85,
      workMix: { feature: 0.75, defect: 0.1, debt: 0.15 },
      directPushesPerMonth: 0.3,
      productionPerDay: 3,
      releaseWeekday: null,
      stagingSoakHours: 0.4,
      extraStagingPerDay: 0.05,
      deployMinutes: 5,
      deployFailureRate: 0.03,
      incidentRate: 0.025,
      detectionHours: 0.2,
      remedies: { rollback: 0.3, revert: 0.3, hotfix: 0.25, forward: 0.15 },
      remedyHours: 0.3,
      recoveryHours: 1,
    },
    repositories: [
      {
        name: 'payments-api',
        mergeMethod: 'squash',
        sourceRoot: 'src',
        extension: 'ts',
        dependencyBot: 'renovate',
      },
      {
        name: 'checkout-web',
        mergeMethod: 'squash',
        sourceRoot: 'src/app',
        extension: 'tsx',
        dependencyBot: 'dependabot',
      },
    ],
  },
  {
    key: 'platform',
    name: 'Platform',
    projectKey: 'PLAT',
    sprintWeekday: 3,
    profile: middle,
    repositories: [
      {
        name: 'platform-gateway',
        mergeMethod: 'merge',
        sourceRoot: 'internal',
        extension: 'go',
        dependencyBot: 'renovate',
      },
      {
        name: 'identity-service',
        mergeMethod: 'squash',
        sourceRoot: 'src',
        extension: 'ts',
        dependencyBot: 'dependabot',
      },
    ],
  },
  {
    key: 'growth',
    name: 'Growth',
    projectKey: 'GRO',
    sprintWeekday: 1,
    profile: { ...middle, prsPerPersonDay: 0.55, prSizeMedian: 180, pickupHours: 7, productionPerDay: 0.3 },
    repositories: [
      {
        name: 'mobile-app',
        mergeMethod: 'merge',
        sourceRoot: 'app/src/main/kotlin',
        extension: 'kt',
        dependencyBot: 'dependabot',
      },
      {
        name: 'notifications-service',
        mergeMethod: 'merge',
        sourceRoot: 'src',
        extension: 'ts',
        dependencyBot: 'dependabot',
      },
    ],
  },
  {
    key: 'billing',
    name: 'Billing',
    projectKey: 'BILL',
    sprintWeekday: 2,
    profile: {
      prsPerPersonDay: 0.3,
      prSizeMedian: 600,
      commitsPerPr: 5,
      codingHours: 50,
      draftShare: 0.3,
      pickupHours: 40,
      reviewRounds: { 1: 0.2, 2: 0.4, 3: 0.3, 4: 0.1 },
      fixHours: 10,
      rereviewHours: 24,
      mergeHours: 12,
      unreviewedShare: 0.15,
      abandonedShare: 0.12,
      linkedShare: 0.5,
      workMix: { feature: 0.45, defect: 0.4, debt: 0.15 },
      directPushesPerMonth: 3,
      productionPerDay: 0,
      releaseWeekday: 4,
      stagingSoakHours: 24,
      extraStagingPerDay: 0.4,
      deployMinutes: 35,
      deployFailureRate: 0.2,
      incidentRate: 0.35,
      detectionHours: 5,
      remedies: { rollback: 0.35, revert: 0.25, hotfix: 0.25, forward: 0.15 },
      remedyHours: 16,
      recoveryHours: 30,
    },
    repositories: [
      {
        name: 'billing-engine',
        mergeMethod: 'merge',
        sourceRoot: 'src/main/java/com/acme/billing',
        extension: 'java',
        dependencyBot: 'dependabot',
      },
      {
        name: 'invoicing-legacy',
        mergeMethod: 'merge',
        sourceRoot: 'lib/invoicing',
        extension: 'rb',
        dependencyBot: 'dependabot',
      },
    ],
  },
];

/** The GitHub organisation of the demo. */
export const organisation = 'acme';
