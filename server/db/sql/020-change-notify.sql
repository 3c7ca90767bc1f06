-- Repeatable: applied after migrations at every start; must stay idempotent.
-- Change notifications for the in-memory caches of every app instance (server/db/changes.ts):
-- any committed change to these tables — by a use case, an import, a script or psql — is
-- announced on channel `wy_changes`, so each instance drops what it cached. Delivered on commit only.
CREATE OR REPLACE FUNCTION wy_notify_table_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('wy_changes', 'table:' || TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wy_notify_session_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('wy_changes', 'session:' || NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wy_notify_user_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('wy_changes', 'user:' || COALESCE(NEW.id, OLD.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_session ON sessions;
--> statement-breakpoint
CREATE TRIGGER wy_changes_session AFTER UPDATE OF revoked_at, expires_at ON sessions
  FOR EACH ROW WHEN (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.expires_at IS DISTINCT FROM OLD.expires_at)
  EXECUTE FUNCTION wy_notify_session_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_user ON users;
--> statement-breakpoint
CREATE TRIGGER wy_changes_user AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION wy_notify_user_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_regions ON regions;
--> statement-breakpoint
CREATE TRIGGER wy_changes_regions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_org_units ON org_units;
--> statement-breakpoint
CREATE TRIGGER wy_changes_org_units AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_campaigns ON campaigns;
--> statement-breakpoint
CREATE TRIGGER wy_changes_campaigns AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_campaign_responsibility_rules ON campaign_responsibility_rules;
--> statement-breakpoint
CREATE TRIGGER wy_changes_campaign_responsibility_rules AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaign_responsibility_rules
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_projects ON projects;
--> statement-breakpoint
CREATE TRIGGER wy_changes_projects AFTER INSERT OR UPDATE OF name, region_id, enterprise_id, address OR DELETE OR TRUNCATE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_enterprises ON enterprises;
--> statement-breakpoint
CREATE TRIGGER wy_changes_enterprises AFTER INSERT OR UPDATE OF name, status, region_id OR DELETE OR TRUNCATE ON enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_calendar_years ON calendar_years;
--> statement-breakpoint
CREATE TRIGGER wy_changes_calendar_years AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_changes_calendar_days ON calendar_days;
--> statement-breakpoint
CREATE TRIGGER wy_changes_calendar_days AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION wy_notify_table_change();
