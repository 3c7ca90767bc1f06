ALTER TABLE "complaints" ADD COLUMN "triage_model_version" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "triage_needs_human" boolean DEFAULT false NOT NULL;