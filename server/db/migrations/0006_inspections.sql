CREATE TABLE "inspection_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"plan_id" uuid,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"weighting" text DEFAULT 'none' NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"focus_item_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"result" text NOT NULL,
	"description" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"problem_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_result_ck" CHECK ("inspection_findings"."result" IN ('compliant', 'problem')),
	CONSTRAINT "inspection_findings_problem_ck" CHECK ("inspection_findings"."result" <> 'problem' OR "inspection_findings"."description" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"type" text NOT NULL,
	"mode" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"focus_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_project_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"staff_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"repeat_window" text DEFAULT 'quarter' NOT NULL,
	"org_unit_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plans_type_ck" CHECK ("inspection_plans"."type" IN ('routine', 'special', 'complaint', 'dragnet', 'double_random', 'joint')),
	CONSTRAINT "inspection_plans_mode_ck" CHECK ("inspection_plans"."mode" IN ('announced', 'unannounced', 'covert')),
	CONSTRAINT "inspection_plans_dates_ck" CHECK ("inspection_plans"."ends_on" >= "inspection_plans"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"project_ids" uuid[] NOT NULL,
	"plan_id" uuid,
	"draw_id" uuid,
	"date" date NOT NULL,
	"mode" text NOT NULL,
	"people_dispatched" integer NOT NULL,
	"inspector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"signed_departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"company_present" text,
	"repeat_reason" text,
	"client_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_mode_ck" CHECK ("inspections"."mode" IN ('announced', 'unannounced', 'covert')),
	CONSTRAINT "inspections_people_ck" CHECK ("inspections"."people_dispatched" >= 1)
);
--> statement-breakpoint
CREATE TABLE "inspector_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"certificate_no" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspector_certificates_dates_ck" CHECK ("inspector_certificates"."valid_until" >= "inspector_certificates"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "inspector_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_focus_item_id_campaign_focus_items_id_fk" FOREIGN KEY ("focus_item_id") REFERENCES "public"."campaign_focus_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_certificates" ADD CONSTRAINT "inspector_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_certificates" ADD CONSTRAINT "inspector_certificates_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_certificates" ADD CONSTRAINT "inspector_certificates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_draws_region_idx" ON "inspection_draws" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "inspection_draws_campaign_idx" ON "inspection_draws" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_uq" ON "inspection_findings" USING btree ("inspection_id","focus_item_id","project_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_region_idx" ON "inspection_plans" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_campaign_idx" ON "inspection_plans" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "inspections_region_date_idx" ON "inspections" USING btree ("region_id","date");--> statement-breakpoint
CREATE INDEX "inspections_enterprise_date_idx" ON "inspections" USING btree ("enterprise_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_client_key_uq" ON "inspections" USING btree ("created_by","client_key");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_certificates_user_uq" ON "inspector_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_certificates_no_uq" ON "inspector_certificates" USING btree ("certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_conflicts_uq" ON "inspector_conflicts" USING btree ("user_id","enterprise_id");