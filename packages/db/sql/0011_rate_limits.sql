-- Request counters of the API rate limits, shared by every server process on this database: one row
-- per limited key (`user:<id>`, `key:<id>`, `address:<ip>`, `login:<ip>`), counting the requests of
-- its current fixed window. One upsert per request bumps the count or starts a new window
-- (apps/server/src/limits/database-store.ts); rows of windows long over are pruned by the servers.
-- No tenant data: the keys hold ids and client addresses, never credentials.
CREATE TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_window_idx ON rate_limit_hits (window_ends_at);
