-- Repeatable: applied after migrations at every start; must stay idempotent.
-- Roll-up counts of leads (schema: complaint_month_counts, complaint_status_counts in
-- server/db/schema/complaints.ts), kept exact by triggers in the changing transaction itself (a
-- statement trigger for inserts, row triggers for changes and deletes):
-- each change appends +1 / −1 rows (append-only: no shared counter row, so concurrent leads never
-- wait on each other and no deadlock can come from here). A figure is the sum of its rows.
CREATE OR REPLACE FUNCTION wy_complaint_counts_row() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.status <> 'merged' AND (TG_OP = 'DELETE' OR NEW.status = 'merged' OR NEW.region_id IS DISTINCT FROM OLD.region_id OR NEW.received_at IS DISTINCT FROM OLD.received_at) THEN
      INSERT INTO complaint_month_counts (region_id, month, n)
        VALUES (OLD.region_id, date_trunc('month', OLD.received_at AT TIME ZONE 'Asia/Shanghai')::date, -1);
    END IF;
    IF TG_OP = 'DELETE' OR NEW.region_id IS DISTINCT FROM OLD.region_id OR NEW.category IS DISTINCT FROM OLD.category OR NEW.status IS DISTINCT FROM OLD.status THEN
      INSERT INTO complaint_status_counts (region_id, category, status, n) VALUES (OLD.region_id, OLD.category, OLD.status, -1);
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.status <> 'merged' AND (OLD.status = 'merged' OR NEW.region_id IS DISTINCT FROM OLD.region_id OR NEW.received_at IS DISTINCT FROM OLD.received_at) THEN
      INSERT INTO complaint_month_counts (region_id, month, n)
        VALUES (NEW.region_id, date_trunc('month', NEW.received_at AT TIME ZONE 'Asia/Shanghai')::date, 1);
    END IF;
    IF NEW.region_id IS DISTINCT FROM OLD.region_id OR NEW.category IS DISTINCT FROM OLD.category OR NEW.status IS DISTINCT FROM OLD.status THEN
      INSERT INTO complaint_status_counts (region_id, category, status, n) VALUES (NEW.region_id, NEW.category, NEW.status, 1);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wy_complaint_counts_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM complaint_month_counts;
  DELETE FROM complaint_status_counts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Folds the rows into one per key (sums unchanged: the deleted rows and their sums in one statement;
-- rows appended meanwhile by other transactions are not in its snapshot and stay).
CREATE OR REPLACE FUNCTION wy_compact_complaint_counts() RETURNS void AS $$
BEGIN
  WITH d AS (DELETE FROM complaint_month_counts RETURNING region_id, month, n)
  INSERT INTO complaint_month_counts (region_id, month, n)
    SELECT region_id, month, sum(n)::int FROM d GROUP BY region_id, month HAVING sum(n) <> 0;
  WITH d AS (DELETE FROM complaint_status_counts RETURNING region_id, category, status, n)
  INSERT INTO complaint_status_counts (region_id, category, status, n)
    SELECT region_id, category, status, sum(n)::int FROM d GROUP BY region_id, category, status HAVING sum(n) <> 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recomputes both tables from complaints, writes to complaints blocked meanwhile (after a bulk load
-- that bypassed the triggers, e.g. bench/generate in session_replication_role = replica).
CREATE OR REPLACE FUNCTION wy_rebuild_complaint_counts() RETURNS void AS $$
BEGIN
  LOCK TABLE complaints IN SHARE MODE;
  DELETE FROM complaint_month_counts;
  DELETE FROM complaint_status_counts;
  INSERT INTO complaint_month_counts (region_id, month, n)
    SELECT region_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)::int
      FROM complaints WHERE status <> 'merged' GROUP BY 1, 2;
  INSERT INTO complaint_status_counts (region_id, category, status, n)
    SELECT region_id, category, status, count(*)::int FROM complaints GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_complaint_counts ON complaints;
--> statement-breakpoint
CREATE TRIGGER wy_complaint_counts AFTER DELETE OR UPDATE OF region_id, received_at, category, status ON complaints
  FOR EACH ROW EXECUTE FUNCTION wy_complaint_counts_row();
--> statement-breakpoint
-- New leads: one grouped row per key for the whole statement (leads are written in groups, decision
-- 015), instead of two inserts per lead.
CREATE OR REPLACE FUNCTION wy_complaint_counts_inserted() RETURNS trigger AS $$
BEGIN
  INSERT INTO complaint_month_counts (region_id, month, n)
    SELECT region_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)::int
      FROM inserted WHERE status <> 'merged' GROUP BY 1, 2;
  INSERT INTO complaint_status_counts (region_id, category, status, n)
    SELECT region_id, category, status, count(*)::int FROM inserted GROUP BY 1, 2, 3;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_complaint_counts_insert ON complaints;
--> statement-breakpoint
CREATE TRIGGER wy_complaint_counts_insert AFTER INSERT ON complaints
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION wy_complaint_counts_inserted();
--> statement-breakpoint
DROP TRIGGER IF EXISTS wy_complaint_counts_truncate ON complaints;
--> statement-breakpoint
CREATE TRIGGER wy_complaint_counts_truncate AFTER TRUNCATE ON complaints
  FOR EACH STATEMENT EXECUTE FUNCTION wy_complaint_counts_truncate();
--> statement-breakpoint
-- First start after the tables were created (or a database filled without the triggers): fill them.
SELECT wy_rebuild_complaint_counts()
  WHERE NOT EXISTS (SELECT 1 FROM complaint_status_counts) AND EXISTS (SELECT 1 FROM complaints);
