CREATE TABLE "rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "message_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"event_id" bigint,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"to_enc" text NOT NULL,
	"to_bidx" text NOT NULL,
	"to_masked" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"provider" text,
	"provider_message_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_delivery_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"provider" text NOT NULL,
	"outcome" text NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "message_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"link" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"vars" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"urgent" boolean DEFAULT false NOT NULL,
	"occurrence" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_kind_settings" (
	"kind" text PRIMARY KEY NOT NULL,
	"sms_default" boolean,
	"email_default" boolean,
	"title" text,
	"body" text,
	"sms" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"event_id" bigint,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sms" boolean NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "resident_sms_consents" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_contacts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "institutional_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"title" text NOT NULL,
	"adopted_on" date NOT NULL,
	"document_file_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"reasons" text NOT NULL,
	"selected_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practical_deeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"done_on" date NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practical_deeds_type_ck" CHECK ("practical_deeds"."type" IN ('parking', 'charging', 'greening', 'stairwell', 'repair', 'other'))
);
--> statement-breakpoint
CREATE TABLE "publicity_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"org_unit_id" uuid,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"brochures" integer DEFAULT 0 NOT NULL,
	"audience" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_events_brochures_ck" CHECK ("publicity_events"."brochures" >= 0),
	CONSTRAINT "publicity_events_audience_ck" CHECK ("publicity_events"."audience" IS NULL OR "publicity_events"."audience" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_configs" (
	"region_id" integer PRIMARY KEY NOT NULL,
	"indicators" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"typical_cases" text DEFAULT '' NOT NULL,
	"experience" text DEFAULT '' NOT NULL,
	"compiler" text,
	"contact_phone" text,
	"due_on" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_reports_status_ck" CHECK ("monthly_reports"."status" IN ('draft', 'submitted', 'returned', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "report_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"year" integer,
	"seq" integer,
	"document_number" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problems" DROP CONSTRAINT "problems_source_ck";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "triage_model_version" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "triage_needs_human" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "triage_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "triage_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "deadline_basis" jsonb;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "deadlines_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_recovery_hashes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_recovery_hashes" text[];--> statement-breakpoint
ALTER TABLE "message_delivery_attempts" ADD CONSTRAINT "message_delivery_attempts_delivery_id_message_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."message_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_contacts" ADD CONSTRAINT "user_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "institutional_outcomes" ADD CONSTRAINT "institutional_outcomes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutional_outcomes" ADD CONSTRAINT "institutional_outcomes_document_file_id_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutional_outcomes" ADD CONSTRAINT "institutional_outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_projects" ADD CONSTRAINT "model_projects_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_projects" ADD CONSTRAINT "model_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_projects" ADD CONSTRAINT "model_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_deeds" ADD CONSTRAINT "practical_deeds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_deeds" ADD CONSTRAINT "practical_deeds_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_deeds" ADD CONSTRAINT "practical_deeds_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_deeds" ADD CONSTRAINT "practical_deeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_events" ADD CONSTRAINT "publicity_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_events" ADD CONSTRAINT "publicity_events_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_events" ADD CONSTRAINT "publicity_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_configs" ADD CONSTRAINT "assessment_configs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_configs" ADD CONSTRAINT "assessment_configs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_notifications" ADD CONSTRAINT "report_notifications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_notifications" ADD CONSTRAINT "report_notifications_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_notifications" ADD CONSTRAINT "report_notifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_counters_expires_idx" ON "rate_counters" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_deliveries_key_uq" ON "message_deliveries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "message_deliveries_due_idx" ON "message_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "message_deliveries_to_sent_idx" ON "message_deliveries" USING btree ("to_bidx","sent_at");--> statement-breakpoint
CREATE INDEX "message_delivery_attempts_delivery_idx" ON "message_delivery_attempts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "message_events_pending_idx" ON "message_events" USING btree ("id") WHERE "message_events"."processed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "message_events_record_idx" ON "message_events" USING btree ("record_id","kind","occurrence");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_event_user_uq" ON "messages" USING btree ("event_key","user_id");--> statement-breakpoint
CREATE INDEX "messages_user_created_idx" ON "messages" USING btree ("user_id","created_at");--> statement-breakpoint
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
CREATE UNIQUE INDEX "inspector_conflicts_uq" ON "inspector_conflicts" USING btree ("user_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "institutional_outcomes_region_date_idx" ON "institutional_outcomes" USING btree ("region_id","adopted_on");--> statement-breakpoint
CREATE INDEX "model_projects_region_date_idx" ON "model_projects" USING btree ("region_id","selected_on");--> statement-breakpoint
CREATE INDEX "practical_deeds_region_date_idx" ON "practical_deeds" USING btree ("region_id","done_on");--> statement-breakpoint
CREATE INDEX "publicity_events_region_date_idx" ON "publicity_events" USING btree ("region_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_region_month_uq" ON "monthly_reports" USING btree ("region_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_month_idx" ON "monthly_reports" USING btree ("month","status");--> statement-breakpoint
CREATE INDEX "report_notifications_region_idx" ON "report_notifications" USING btree ("region_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "report_versions_uq" ON "report_versions" USING btree ("kind","report_id","version");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_triage_confirmed_by_users_id_fk" FOREIGN KEY ("triage_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_source_ck" CHECK ("problems"."source" IN ('complaint', 'inspection', 'self_inspection', 'spot_check', 'supervision', 'hotline_check'));