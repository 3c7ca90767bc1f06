ALTER TABLE "complaints" ADD COLUMN "deadline_basis" jsonb;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "deadlines_provisional" boolean DEFAULT false NOT NULL;