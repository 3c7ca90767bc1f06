CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "calendar_days_kind_ck" CHECK ("calendar_days"."kind" IN ('holiday', 'workday'))
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"published_on" date,
	"source" text NOT NULL,
	"complete" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_focus_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"checklist_text" text,
	"legal_provision_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"lead_department_type" text NOT NULL,
	"co_department_types" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date,
	"ends_on" date NOT NULL,
	"description" text,
	CONSTRAINT "campaign_phases_dates_ck" CHECK ("campaign_phases"."starts_on" IS NULL OR "campaign_phases"."ends_on" >= "campaign_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "campaign_responsibility_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"condition_kind" text NOT NULL,
	"category" integer,
	"sub_condition" text,
	"lead_department_type" text NOT NULL,
	"co_department_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_task_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"done_on" date,
	"quantity" integer,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_task_progress_status_ck" CHECK ("campaign_task_progress"."status" IN ('pending', 'done')),
	CONSTRAINT "campaign_task_progress_done_ck" CHECK ("campaign_task_progress"."status" <> 'done' OR "campaign_task_progress"."done_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_on" date,
	"responsible_department_type" text,
	"responsible_org_unit_id" uuid,
	"responsible_note" text,
	"target_count" integer
);
--> statement-breakpoint
CREATE TABLE "campaign_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"department_type" text,
	"unit_name" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"duties" text,
	"responsible_leader" text,
	"contact_name" text,
	"contact_phone" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_units_role_ck" CHECK ("campaign_units"."role" IN ('lead', 'member'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"parent_campaign_id" uuid,
	"template_id" text,
	"title" text NOT NULL,
	"document_number" text,
	"issuing_unit" text NOT NULL,
	"issued_on" date,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"objective" text,
	"monthly_report_due_day" integer,
	"monthly_report_rule" text,
	"dragnet_deadline" date,
	"dragnet_description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_ck" CHECK ("campaigns"."status" IN ('draft', 'active', 'closed')),
	CONSTRAINT "campaigns_dates_ck" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_report_day_ck" CHECK ("campaigns"."monthly_report_due_day" IS NULL OR "campaigns"."monthly_report_due_day" BETWEEN 1 AND 28)
);
--> statement-breakpoint
CREATE TABLE "legal_acts" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text,
	"title" text NOT NULL,
	"short_name" text NOT NULL,
	"issuer" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_provisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text,
	"act_id" integer NOT NULL,
	"article" text NOT NULL,
	"version_label" text,
	"summary" text NOT NULL,
	"penalty_range" text,
	"penalty_min" numeric(16, 2),
	"penalty_max" numeric(16, 2),
	"enforcing_department_type" text,
	"enforcer" text,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"supersedes_id" integer,
	"confidence" text NOT NULL,
	"source_url" text,
	"focus_categories" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_provisions_confidence_ck" CHECK ("legal_provisions"."confidence" IN ('✅', '◐', '❓')),
	CONSTRAINT "legal_provisions_dates_ck" CHECK ("legal_provisions"."effective_to" IS NULL OR "legal_provisions"."effective_to" >= "legal_provisions"."effective_from"),
	CONSTRAINT "legal_provisions_penalty_ck" CHECK ("legal_provisions"."penalty_min" IS NULL OR "legal_provisions"."penalty_max" IS NULL OR "legal_provisions"."penalty_max" >= "legal_provisions"."penalty_min")
);
--> statement-breakpoint
ALTER TABLE "campaign_deadlines" ADD CONSTRAINT "campaign_deadlines_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_focus_items" ADD CONSTRAINT "campaign_focus_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_phases" ADD CONSTRAINT "campaign_phases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_responsibility_rules" ADD CONSTRAINT "campaign_responsibility_rules_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_task_progress" ADD CONSTRAINT "campaign_task_progress_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_task_progress" ADD CONSTRAINT "campaign_task_progress_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_task_progress" ADD CONSTRAINT "campaign_task_progress_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_responsible_org_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_units" ADD CONSTRAINT "campaign_units_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_units" ADD CONSTRAINT "campaign_units_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_parent_campaign_id_campaigns_id_fk" FOREIGN KEY ("parent_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_provisions" ADD CONSTRAINT "legal_provisions_act_id_legal_acts_id_fk" FOREIGN KEY ("act_id") REFERENCES "public"."legal_acts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_provisions" ADD CONSTRAINT "legal_provisions_supersedes_id_legal_provisions_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."legal_provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_deadlines_campaign_idx" ON "campaign_deadlines" USING btree ("campaign_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_focus_items_seq_uq" ON "campaign_focus_items" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_phases_seq_uq" ON "campaign_phases" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_rules_priority_uq" ON "campaign_responsibility_rules" USING btree ("campaign_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_task_progress_uq" ON "campaign_task_progress" USING btree ("task_id","region_id");--> statement-breakpoint
CREATE INDEX "campaign_task_progress_region_idx" ON "campaign_task_progress" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "campaign_tasks_phase_idx" ON "campaign_tasks" USING btree ("phase_id","seq");--> statement-breakpoint
CREATE INDEX "campaign_tasks_campaign_idx" ON "campaign_tasks" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_units_org_unit_uq" ON "campaign_units" USING btree ("campaign_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "campaigns_region_idx" ON "campaigns" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "campaigns_parent_idx" ON "campaigns" USING btree ("parent_campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_acts_key_uq" ON "legal_acts" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_acts_title_uq" ON "legal_acts" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_provisions_key_uq" ON "legal_provisions" USING btree ("key");--> statement-breakpoint
CREATE INDEX "legal_provisions_act_idx" ON "legal_provisions" USING btree ("act_id","article");--> statement-breakpoint
CREATE INDEX "legal_provisions_categories_idx" ON "legal_provisions" USING gin ("focus_categories");