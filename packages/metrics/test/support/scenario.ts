/**
 * A small language for metric scenarios: commits by name, pull requests, deployments and incidents
 * at readable times, written into a fresh tenant under its row-level security. Tests then state
 * the expected numbers by hand.
 */
import { createHash } from 'node:crypto';
import { createTenant, withTenant, type Db, type Tx } from '@pulse/db';

export const sha = (name: string): string => createHash('sha1').update(name).digest('hex');
export const at = (iso: string): Date => new Date(iso.endsWith('Z') || iso.includes('+') ? iso : `${iso}Z`);

type Step = (tx: Tx, ids: Ids) => Promise<void>;
export interface Ids {
  tenantId: string;
  repos: Map<string, number>;
  people: Map<string, number>;
  prs: Map<string, number>;
  deployments: Map<string, number>;
}

export interface PrSpec {
  readonly number: number;
  readonly author: string;
  readonly created: string;
  readonly ready?: string;
  readonly merged?: string;
  readonly mergeCommit?: string;
  readonly commits?: readonly string[];
  readonly reviews?: readonly { by: string; at: string; state?: string }[];
  readonly labels?: readonly string[];
  readonly branch?: string;
  /** Lines added and deleted. */
  readonly size?: readonly [number, number];
}

export class Scenario {
  readonly #steps: Step[] = [];
  readonly #commitTimes = new Map<string, string>();

  constructor(readonly slug: string) {}

  /** A person with one identity; `bot` marks a bot account. `alias` adds a second identity. */
  person(login: string, options: { bot?: boolean; alias?: string } = {}): this {
    this.#steps.push(async (tx, ids) => {
      const person = await one(
        tx,
        'insert into people (tenant_id, display_name, is_bot) values ($1, $2, $3) returning id',
        [ids.tenantId, login, options.bot ?? false],
      );
      for (const name of [login, ...(options.alias === undefined ? [] : [options.alias])]) {
        const identity = await one(
          tx,
          "insert into identities (tenant_id, person_id, source, external_id, login, is_bot) values ($1, $2, 'github', $3, $3, $4) returning id",
          [ids.tenantId, person, name, options.bot ?? false],
        );
        ids.people.set(name, identity);
      }
    });
    return this;
  }

  repo(name: string): this {
    this.#steps.push(async (tx, ids) => {
      const id = await one(
        tx,
        "insert into repositories (tenant_id, source, external_id, name, full_name) values ($1, 'github', $2, $2, $3) returning id",
        [ids.tenantId, name, `acme/${name}`],
      );
      ids.repos.set(name, id);
    });
    return this;
  }

  /** A commit named `name` (its sha is sha(name)) with the given parents. */
  commit(repo: string, name: string, time: string, parents: readonly string[] = [], message = name): this {
    this.#commitTimes.set(name, time);
    this.#steps.push(async (tx, ids) => {
      const repositoryId = ids.repos.get(repo)!;
      await tx.query(
        `insert into commits (tenant_id, repository_id, sha, authored_at, committed_at, message, parent_count)
         values ($1, $2, $3, $4, $4, $5, $6)`,
        [ids.tenantId, repositoryId, sha(name), at(time), message, parents.length],
      );
      for (const [position, parent] of parents.entries()) {
        await tx.query(
          'insert into commit_parents (tenant_id, repository_id, sha, parent_sha, position) values ($1, $2, $3, $4, $5)',
          [ids.tenantId, repositoryId, sha(name), sha(parent), position],
        );
      }
    });
    return this;
  }

  /** A linear chain of commits, each the parent of the next, one hour apart from `start`. */
  chain(repo: string, names: readonly string[], start: string, parent?: string): this {
    let previous = parent;
    names.forEach((name, i) => {
      const time = new Date(at(start).getTime() + i * 3_600_000).toISOString();
      this.commit(repo, name, time, previous === undefined ? [] : [previous]);
      previous = name;
    });
    return this;
  }

  pr(repo: string, key: string, spec: PrSpec): this {
    this.#steps.push(async (tx, ids) => {
      const merged = spec.merged === undefined ? null : at(spec.merged);
      const id = await one(
        tx,
        `insert into pull_requests (tenant_id, repository_id, source, external_id, number, title, state, author_identity_id,
           head_branch, merge_commit_sha, labels, created_at, ready_for_review_at, merged_at, updated_at, additions, deletions)
         values ($1, $2, 'github', $3, $4, $3, $5, $6, $7, $8, $9, $10, $11, $12, $10, $13, $14) returning id`,
        [
          ids.tenantId,
          ids.repos.get(repo),
          key,
          spec.number,
          merged === null ? 'open' : 'merged',
          ids.people.get(spec.author) ?? null,
          spec.branch ?? `feature/${key}`,
          spec.mergeCommit === undefined ? null : sha(spec.mergeCommit),
          spec.labels ?? [],
          at(spec.created),
          spec.ready === undefined ? null : at(spec.ready),
          merged,
          spec.size?.[0] ?? null,
          spec.size?.[1] ?? null,
        ],
      );
      ids.prs.set(key, id);
      for (const name of spec.commits ?? []) {
        const time = this.#commitTimes.get(name);
        await tx.query(
          'insert into pull_request_commits (tenant_id, pull_request_id, sha, authored_at) values ($1, $2, $3, $4)',
          [ids.tenantId, id, sha(name), time === undefined ? null : at(time)],
        );
      }
      for (const [i, review] of (spec.reviews ?? []).entries()) {
        await tx.query(
          `insert into pull_request_reviews (tenant_id, pull_request_id, source, external_id, reviewer_identity_id, state, submitted_at)
           values ($1, $2, 'github', $3, $4, $5, $6)`,
          [
            ids.tenantId,
            id,
            `${key}-review-${i}`,
            ids.people.get(review.by),
            review.state ?? 'approved',
            at(review.at),
          ],
        );
      }
    });
    return this;
  }

  deploy(
    repo: string,
    key: string,
    environment: string,
    commit: string,
    finished: string,
    status = 'success',
  ): this {
    this.#steps.push(async (tx, ids) => {
      const id = await one(
        tx,
        `insert into deployments (tenant_id, repository_id, source, external_id, environment, is_production, commit_sha, status, finished_at)
         values ($1, $2, 'github', $3, $4, $5, $6, $7, $8) returning id`,
        [
          ids.tenantId,
          ids.repos.get(repo),
          key,
          environment,
          environment === 'production',
          sha(commit),
          status,
          at(finished),
        ],
      );
      ids.deployments.set(key, id);
    });
    return this;
  }

  incident(
    key: string,
    spec: { repo?: string; deployment?: string; started: string; resolved?: string },
  ): this {
    this.#steps.push(async (tx, ids) => {
      await tx.query(
        `insert into incidents (tenant_id, source, external_id, title, status, repository_id, deployment_id, started_at, resolved_at)
         values ($1, 'github', $2, $2, $3, $4, $5, $6, $7)`,
        [
          ids.tenantId,
          key,
          spec.resolved === undefined ? 'open' : 'resolved',
          spec.repo === undefined ? null : ids.repos.get(spec.repo),
          spec.deployment === undefined ? null : ids.deployments.get(spec.deployment),
          at(spec.started),
          spec.resolved === undefined ? null : at(spec.resolved),
        ],
      );
    });
    return this;
  }

  /** A work item of `kind` (feature, defect, incident, …) linked to the named pull requests. */
  workItem(key: string, kind: string, prs: readonly string[]): this {
    this.#steps.push(async (tx, ids) => {
      const id = await one(
        tx,
        `insert into work_items (tenant_id, source, external_id, key, title, kind, status, status_category, created_at, updated_at)
         values ($1, 'jira', $2, $2, $2, $3, 'Done', 'done', '2026-03-01T00:00Z', '2026-03-01T00:00Z') returning id`,
        [ids.tenantId, key, kind],
      );
      for (const pr of prs) {
        await tx.query(
          "insert into work_item_pull_requests (tenant_id, work_item_id, pull_request_id, found_in) values ($1, $2, $3, 'title')",
          [ids.tenantId, id, ids.prs.get(pr)],
        );
      }
    });
    return this;
  }

  /** Runs a step of its own (an update, say) with the ids created so far. */
  step(fn: Step): this {
    this.#steps.push(fn);
    return this;
  }

  /** Writes the scenario into a new tenant; returns the ids of what was created by name. */
  async save(db: Db): Promise<Ids> {
    const tenant = await createTenant(db, { slug: this.slug }, 'test');
    return this.addTo(db, {
      tenantId: tenant.id,
      repos: new Map(),
      people: new Map(),
      prs: new Map(),
      deployments: new Map(),
    });
  }

  /** Writes the scenario into the tenant of `ids` (created by an earlier save); adds to `ids`. */
  async addTo(db: Db, ids: Ids): Promise<Ids> {
    await withTenant(db, ids.tenantId, async (tx) => {
      for (const step of this.#steps) await step(tx, ids);
    });
    return ids;
  }
}

async function one(tx: Tx, sql: string, params: unknown[]): Promise<number> {
  const result = await tx.query<{ id: number }>(sql, params);
  return result.rows[0]!.id;
}
