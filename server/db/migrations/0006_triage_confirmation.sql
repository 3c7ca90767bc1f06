ALTER TABLE "complaints" ADD COLUMN "triage_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "triage_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_triage_confirmed_by_users_id_fk" FOREIGN KEY ("triage_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;