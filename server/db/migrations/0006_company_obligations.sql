CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"text" text NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_text" text,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_by_name" text,
	"signed_ip" text,
	CONSTRAINT "commitments_status_ck" CHECK ("commitments"."status" IN ('issued', 'signed')),
	CONSTRAINT "commitments_signed_ck" CHECK (("commitments"."status" = 'signed') = ("commitments"."signed_at" IS NOT NULL AND "commitments"."signed_text" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "self_inspection_flag_decisions" (
	"self_inspection_id" uuid NOT NULL,
	"focus_item_id" uuid NOT NULL,
	"note" text,
	"credit_event_id" uuid,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_inspection_flag_decisions_pk" PRIMARY KEY("self_inspection_id","focus_item_id")
);
--> statement-breakpoint
CREATE TABLE "self_inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"self_inspection_id" uuid NOT NULL,
	"focus_item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"problem" text,
	"responsible_person" text,
	"contact" text,
	"deadline" date,
	"problem_id" uuid,
	CONSTRAINT "self_inspection_items_problem_ck" CHECK ("self_inspection_items"."problem" IS NULL OR ("self_inspection_items"."responsible_person" IS NOT NULL AND "self_inspection_items"."contact" IS NOT NULL AND "self_inspection_items"."deadline" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "self_inspection_versions" (
	"self_inspection_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"report_date" date NOT NULL,
	"items" jsonb NOT NULL,
	"confirmed_by_name" text NOT NULL,
	"filed_by" uuid,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"return_reason" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "self_inspection_versions_pk" PRIMARY KEY("self_inspection_id","version"),
	CONSTRAINT "self_inspection_versions_outcome_ck" CHECK ("self_inspection_versions"."outcome" IS NULL OR "self_inspection_versions"."outcome" IN ('accepted', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "self_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"report_date" date NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"confirmed_by" uuid,
	"confirmed_by_name" text,
	"confirmed_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_inspections_status_ck" CHECK ("self_inspections"."status" IN ('draft', 'confirmed', 'filed', 'accepted', 'returned')),
	CONSTRAINT "self_inspections_confirmed_ck" CHECK ("self_inspections"."status" = 'draft' OR "self_inspections"."confirmed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "hotline_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"dialled_number" text NOT NULL,
	"result" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"note" text,
	"checked_by" uuid,
	"checked_by_name" text NOT NULL,
	"problem_id" uuid,
	"recheck_due_on" date,
	"rechecked_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_checks_result_ck" CHECK ("hotline_checks"."result" IN ('answered', 'no_answer', 'busy', 'fax', 'redirected', 'refused', 'invalid'))
);
--> statement-breakpoint
CREATE TABLE "hotlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"number" text NOT NULL,
	"hours" text NOT NULL,
	"responsible_unit" text NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_receipts" (
	"enforcement_action_id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"received_by" uuid,
	"received_by_name" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text
);
--> statement-breakpoint
ALTER TABLE "problems" DROP CONSTRAINT "problems_source_ck";--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_flag_decisions" ADD CONSTRAINT "self_inspection_flag_decisions_self_inspection_id_self_inspections_id_fk" FOREIGN KEY ("self_inspection_id") REFERENCES "public"."self_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_flag_decisions" ADD CONSTRAINT "self_inspection_flag_decisions_focus_item_id_campaign_focus_items_id_fk" FOREIGN KEY ("focus_item_id") REFERENCES "public"."campaign_focus_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_flag_decisions" ADD CONSTRAINT "self_inspection_flag_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_items" ADD CONSTRAINT "self_inspection_items_self_inspection_id_self_inspections_id_fk" FOREIGN KEY ("self_inspection_id") REFERENCES "public"."self_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_items" ADD CONSTRAINT "self_inspection_items_focus_item_id_campaign_focus_items_id_fk" FOREIGN KEY ("focus_item_id") REFERENCES "public"."campaign_focus_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_items" ADD CONSTRAINT "self_inspection_items_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_versions" ADD CONSTRAINT "self_inspection_versions_self_inspection_id_self_inspections_id_fk" FOREIGN KEY ("self_inspection_id") REFERENCES "public"."self_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_versions" ADD CONSTRAINT "self_inspection_versions_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_checks" ADD CONSTRAINT "hotline_checks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_checks" ADD CONSTRAINT "hotline_checks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_checks" ADD CONSTRAINT "hotline_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_checks" ADD CONSTRAINT "hotline_checks_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotlines" ADD CONSTRAINT "hotlines_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotlines" ADD CONSTRAINT "hotlines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_enforcement_action_id_enforcement_actions_id_fk" FOREIGN KEY ("enforcement_action_id") REFERENCES "public"."enforcement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_campaign_project_uq" ON "commitments" USING btree ("campaign_id","project_id");--> statement-breakpoint
CREATE INDEX "commitments_region_status_idx" ON "commitments" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "commitments_enterprise_idx" ON "commitments" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "self_inspection_items_uq" ON "self_inspection_items" USING btree ("self_inspection_id","focus_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_inspections_campaign_project_uq" ON "self_inspections" USING btree ("campaign_id","project_id");--> statement-breakpoint
CREATE INDEX "self_inspections_region_status_idx" ON "self_inspections" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "self_inspections_enterprise_idx" ON "self_inspections" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "hotline_checks_region_at_idx" ON "hotline_checks" USING btree ("region_id","checked_at");--> statement-breakpoint
CREATE INDEX "hotline_checks_unit_idx" ON "hotline_checks" USING btree ("org_unit_id","checked_at");--> statement-breakpoint
CREATE INDEX "hotline_checks_recheck_idx" ON "hotline_checks" USING btree ("recheck_due_on") WHERE "hotline_checks"."recheck_due_on" IS NOT NULL AND "hotline_checks"."rechecked_by_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "hotlines_org_unit_uq" ON "hotlines" USING btree ("org_unit_id");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_source_ck" CHECK ("problems"."source" IN ('complaint', 'inspection', 'self_inspection', 'spot_check', 'supervision', 'hotline_check'));