-- Invitations: a tenant admin adding an e-mail invites it; nothing is attached until the
-- invitation is accepted (by the account, after logging in) or redeemed (with its one-time code,
-- creating the account when the e-mail has none). Until then the tenant learns nothing about the
-- e-mail, and the account's tenant-less login is unchanged.
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  role text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  -- SHA-256 (hex) of the one-time code handed to the invitee; the code itself is never stored.
  code_hash text NOT NULL UNIQUE,
  invited_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id) ON DELETE SET NULL
);
-- One pending invitation per e-mail and tenant: inviting again replaces it.
CREATE UNIQUE INDEX invitations_pending_key ON invitations (tenant_id, email) WHERE accepted_at IS NULL;
CREATE INDEX invitations_email_idx ON invitations (email);
SELECT pulse_enable_tenant_rls('invitations');

-- A deleted user's API keys are revoked before created_by is cleared: a key without an owner
-- keeps its full scope (keys made by `pulse` commands), which a deleted admin's keys must not.
CREATE FUNCTION pulse_revoke_keys_of_deleted_user() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE api_keys SET revoked_at = now() WHERE created_by = OLD.id AND revoked_at IS NULL;
  RETURN OLD;
END $$;
CREATE TRIGGER users_revoke_api_keys BEFORE DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION pulse_revoke_keys_of_deleted_user();

-- Failed logins are throttled in the server, never by locking the account (a stranger could).
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
