-- Platform: roles, row-level security helpers, tenants, users, memberships, API keys, audit log.
--
-- Two NOLOGIN roles carry every data access of the application:
--   pulse_app       tenant work; sees and writes only the rows of the tenant set for the
--                   transaction (set_config('pulse.tenant_id', id, true)); with none set, no rows.
--   pulse_operator  platform-operator work (creating tenants, users), reached only through the
--                   audited operator path of the code.
-- The connecting role owns the tables and runs migrations. Tables force row-level security, so
-- even the owner sees nothing unless it is a superuser; the application always switches to one of
-- the two roles with SET LOCAL ROLE inside a transaction. The owner must be a member of both roles
-- to switch, and policies apply to members too: the operator policy therefore also requires
-- current_user = 'pulse_operator', which holds only after an explicit SET ROLE.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pulse_app') THEN
    CREATE ROLE pulse_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another database's migration
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pulse_operator') THEN
    CREATE ROLE pulse_operator NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- A non-superuser owner needs membership to SET ROLE; a superuser has it implicitly. Membership
-- granted beforehand by an administrator is enough.
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['pulse_app', 'pulse_operator'] LOOP
    IF NOT pg_has_role(current_user, role_name, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', role_name, current_user);
    END IF;
  END LOOP;
END $$;

-- The tenant of the current transaction, or NULL (which matches no row) when none is set.
CREATE FUNCTION pulse_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('pulse.tenant_id', true), '')::uuid $$;

-- Turns on tenant isolation for a table with a tenant_id column: RLS enabled and forced, a policy
-- for the application role limited to the current tenant, full access for the operator role.
CREATE FUNCTION pulse_enable_tenant_rls(tbl regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO pulse_app'
    ' USING (tenant_id = pulse_current_tenant()) WITH CHECK (tenant_id = pulse_current_tenant())', tbl);
  EXECUTE format('CREATE POLICY operator_access ON %s TO pulse_operator'
    ' USING (current_user = ''pulse_operator'') WITH CHECK (current_user = ''pulse_operator'')', tbl);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO pulse_app, pulse_operator', tbl);
END $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
-- A tenant sees (and may rename or re-brand) its own row only; creating tenants is operator work.
CREATE POLICY tenant_self ON tenants TO pulse_app
  USING (id = pulse_current_tenant()) WITH CHECK (id = pulse_current_tenant());
CREATE POLICY operator_access ON tenants TO pulse_operator
  USING (current_user = 'pulse_operator') WITH CHECK (current_user = 'pulse_operator');
GRANT SELECT, UPDATE ON tenants TO pulse_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants TO pulse_operator;

-- Users are global: one login may belong to several tenants (memberships).
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name text,
  password_hash text,
  is_operator boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);
SELECT pulse_enable_tenant_rls('memberships');

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
-- A tenant sees the users that are its members, and nobody else.
CREATE POLICY tenant_members ON users TO pulse_app
  USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = pulse_current_tenant()));
CREATE POLICY operator_access ON users TO pulse_operator
  USING (current_user = 'pulse_operator') WITH CHECK (current_user = 'pulse_operator');
GRANT SELECT ON users TO pulse_app;
GRANT UPDATE (display_name, password_hash, updated_at) ON users TO pulse_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO pulse_operator;

CREATE TABLE api_keys (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- The visible start of the key ("pk_3f9a…"), shown in lists; the full key is shown once.
  prefix text NOT NULL UNIQUE,
  key_hash text NOT NULL,
  scopes text[] NOT NULL CHECK (scopes <@ ARRAY['read', 'write', 'admin']::text[] AND cardinality(scopes) > 0),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
SELECT pulse_enable_tenant_rls('api_keys');

-- Audit log of administrative actions. tenant_id is the tenant acted upon; platform-wide actions
-- (no tenant) are visible to operators only.
CREATE TABLE audit_log (
  id bigint GENERATED BY DEFAULT AS IDENTITY,
  tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id)
);
CREATE INDEX audit_log_tenant_at_idx ON audit_log (tenant_id, at);
SELECT pulse_enable_tenant_rls('audit_log');
-- The audit trail is append-only for tenants: no policy lets the application edit history.
REVOKE UPDATE, DELETE ON audit_log FROM pulse_app;

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pulse_app, pulse_operator;
