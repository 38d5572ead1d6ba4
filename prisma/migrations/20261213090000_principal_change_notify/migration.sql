-- A change to what a signed-in session may do is announced on the channel "lantern_principal",
-- when its transaction commits: a session ended, its expiry moved or given to another user; a
-- user's name, email, agency or disabled state changed, or a user deleted; roles or districts
-- granted or taken; an agency renamed or its kind changed. API processes keep checked sessions
-- for a moment (session-cache.ts) and forget them all when they hear it. Marking a session as
-- seen and signing in (a new session, a last-login time) change nothing a kept session holds,
-- so they announce nothing. Statement triggers: one announcement per statement, and PostgreSQL
-- sends identical ones of a transaction once.
CREATE FUNCTION lantern_announce_principal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lantern_principal', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER session_principal_change
  AFTER UPDATE OF ended_at, expires_at, user_id OR DELETE OR TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_announce_principal_change();

CREATE TRIGGER app_user_principal_change
  AFTER UPDATE OF email, display_name, agency_id, disabled_at OR DELETE OR TRUNCATE ON "app_user"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_announce_principal_change();

CREATE TRIGGER user_role_principal_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user_role"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_announce_principal_change();

CREATE TRIGGER user_district_scope_principal_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user_district_scope"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_announce_principal_change();

CREATE TRIGGER agency_principal_change
  AFTER UPDATE OF name, kind OR DELETE OR TRUNCATE ON "agency"
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_announce_principal_change();
