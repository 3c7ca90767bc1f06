CREATE TABLE "blacklist_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"blacklist_entry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"commitment" text,
	"rectification_summary" text,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "blacklist_applications_status_ck" CHECK (("blacklist_applications"."kind" = 'objection' AND "blacklist_applications"."status" IN ('pending', 'upheld', 'rejected') AND "blacklist_applications"."reason" IS NOT NULL)
        OR ("blacklist_applications"."kind" = 'repair' AND "blacklist_applications"."status" IN ('pending', 'granted', 'refused') AND "blacklist_applications"."commitment" IS NOT NULL AND "blacklist_applications"."rectification_summary" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD COLUMN "annulled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "blacklist_applications" ADD CONSTRAINT "blacklist_applications_blacklist_entry_id_blacklist_entries_id_fk" FOREIGN KEY ("blacklist_entry_id") REFERENCES "public"."blacklist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_applications" ADD CONSTRAINT "blacklist_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_applications" ADD CONSTRAINT "blacklist_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blacklist_applications_entry_idx" ON "blacklist_applications" USING btree ("blacklist_entry_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "blacklist_applications_one_pending_uq" ON "blacklist_applications" USING btree ("blacklist_entry_id") WHERE "blacklist_applications"."status" = 'pending';