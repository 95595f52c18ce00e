-- No silent data loss: a run whose partitions failed within the failure share ends `partial`
-- (succeeded with errors), never plain `succeeded`; records whose text had to be cleaned of
-- characters PostgreSQL cannot store (U+0000, lone UTF-16 surrogates) are counted per partition,
-- in the same transaction as the page, so the run's totals cover every execution of a resumed run.
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_state_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_state_check
  CHECK (state IN ('queued', 'running', 'paused', 'succeeded', 'partial', 'failed', 'cancelled'));
ALTER TABLE sync_partitions ADD COLUMN cleaned integer NOT NULL DEFAULT 0;
