/**
 * Liveness and readiness. /healthz answers while the process runs; /readyz also proves the
 * database answers, its schema is current and (when the node has one) the sync queue answers, so a
 * load balancer sends traffic only to a node that can serve it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { PulseError, isPulseError } from '@pulse/core';
import { migrationStatus, type Db } from '@pulse/db';

export function healthRoutes(deps: {
  db: Db;
  queue?: { size(): Promise<number> } | undefined;
}): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({ status: 'ok' }));

    app.get('/readyz', async (request, reply) => {
      try {
        await deps.db.query('select 1');
      } catch (cause) {
        request.log.warn({ err: cause }, 'readiness: database check failed');
        const error = new PulseError('DATABASE_UNREACHABLE');
        return reply
          .status(503)
          .send({ status: 'unavailable', checks: { database: 'fail' }, error: error.toJSON() });
      }
      let status;
      try {
        status = await migrationStatus(deps.db);
      } catch (cause) {
        // An edited or unknown migration: the schema is not one this version can serve.
        if (!isPulseError(cause)) throw cause;
        return reply.status(503).send({
          status: 'unavailable',
          checks: { database: 'ok', migrations: 'fail' },
          error: cause.toJSON(),
        });
      }
      if (status.pending.length > 0) {
        const error = new PulseError('MIGRATIONS_PENDING', {
          message: `${status.pending.length} migration(s) are not applied: ${status.pending.map((m) => m.name).join(', ')}.`,
        });
        return reply.status(503).send({
          status: 'unavailable',
          checks: { database: 'ok', migrations: 'fail' },
          error: error.toJSON(),
        });
      }
      if (deps.queue === undefined) return { status: 'ready', checks: { database: 'ok', migrations: 'ok' } };
      try {
        await deps.queue.size();
      } catch (cause) {
        request.log.warn({ err: cause }, 'readiness: queue check failed');
        const error = new PulseError('QUEUE_UNAVAILABLE', { message: 'The sync queue does not answer.' });
        return reply.status(503).send({
          status: 'unavailable',
          checks: { database: 'ok', migrations: 'ok', queue: 'fail' },
          error: error.toJSON(),
        });
      }
      return { status: 'ready', checks: { database: 'ok', migrations: 'ok', queue: 'ok' } };
    });
  };
}
