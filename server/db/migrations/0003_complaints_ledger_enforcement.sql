CREATE SEQUENCE "public"."problem_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "typical_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"project_id" uuid,
	"title" text NOT NULL,
	"basic_situation" text NOT NULL,
	"illegal_facts" text NOT NULL,
	"penalty_basis" text NOT NULL,
	"handling_result" text NOT NULL,
	"redaction_findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"redaction_checked" boolean DEFAULT false NOT NULL,
	"redaction_checked_by" uuid,
	"redaction_checked_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"return_note" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "typical_cases_status_ck" CHECK ("typical_cases"."status" IN ('draft', 'pending_approval', 'approved', 'published')),
	CONSTRAINT "typical_cases_source_ck" CHECK ("typical_cases"."source_type" IN ('complaint', 'problem', 'enforcement_action'))
);
--> statement-breakpoint
CREATE TABLE "complaint_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"notified_org_unit_id" uuid,
	"escalated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "complaint_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_org_unit_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_note" text
);
--> statement-breakpoint
CREATE TABLE "complaint_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"previous_due_at" timestamp with time zone,
	"new_due_at" timestamp with time zone,
	CONSTRAINT "complaint_extensions_status_ck" CHECK ("complaint_extensions"."status" IN ('pending', 'approved', 'refused')),
	CONSTRAINT "complaint_extensions_days_ck" CHECK ("complaint_extensions"."days" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "complaint_recalls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"lead_org_unit_id" uuid,
	"recalled_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"result" text NOT NULL,
	"satisfaction" text,
	"note" text NOT NULL,
	"recorded_satisfaction" text,
	CONSTRAINT "complaint_recalls_result_ck" CHECK ("complaint_recalls"."result" IN ('confirmed', 'not_reached', 'contradicted')),
	CONSTRAINT "complaint_recalls_satisfaction_ck" CHECK ("complaint_recalls"."satisfaction" IS NULL OR "complaint_recalls"."satisfaction" IN ('satisfied', 'basically_satisfied', 'dissatisfied'))
);
--> statement-breakpoint
CREATE TABLE "complaint_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"returned_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_time_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"lead_department" text DEFAULT '*' NOT NULL,
	"sign_days" integer,
	"close_days" integer,
	"follow_up_days" integer,
	"urgent_sign_hours" integer,
	"urgent_act_hours" integer
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"external_ref" text,
	"description" text NOT NULL,
	"address" text,
	"region_id" integer NOT NULL,
	"project_id" uuid,
	"enterprise_id" uuid,
	"contact_name_enc" text,
	"contact_phone_enc" text,
	"contact_phone_bidx" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"category" integer DEFAULT 0 NOT NULL,
	"lead_department" text DEFAULT 'none' NOT NULL,
	"co_departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"triage" jsonb NOT NULL,
	"triage_corrected_by" uuid,
	"triage_corrected_at" timestamp with time zone,
	"status" text DEFAULT 'received' NOT NULL,
	"lead_org_unit_id" uuid,
	"co_org_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"final_assignment" boolean DEFAULT false NOT NULL,
	"dispatched_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"sign_due_at" timestamp with time zone,
	"act_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"follow_up_due_at" timestamp with time zone,
	"current_due_kind" text,
	"current_due_at" timestamp with time zone,
	"current_due_soon_at" timestamp with time zone,
	"supervised" boolean DEFAULT false NOT NULL,
	"supervision_deadline" date,
	"supervision_note" text,
	"supervised_by" uuid,
	"supervised_at" timestamp with time zone,
	"finding" text,
	"outcome" text,
	"finding_details" text,
	"rectification_deadline" date,
	"referred_to" text,
	"problem_id" uuid,
	"reply_text" text,
	"reply_drafted_by" uuid,
	"reply_drafted_at" timestamp with time zone,
	"reply_approved_by" uuid,
	"reply_approved_at" timestamp with time zone,
	"satisfaction" text,
	"follow_up_note" text,
	"followed_up_at" timestamp with time zone,
	"followed_up_by" uuid,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"campaign_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_category_ck" CHECK ("complaints"."category" BETWEEN 0 AND 6),
	CONSTRAINT "complaints_status_ck" CHECK ("complaints"."status" IN ('received', 'dispatched', 'returned', 'accepted', 'handled', 'reply_pending', 'replied', 'closed', 'merged')),
	CONSTRAINT "complaints_channel_ck" CHECK ("complaints"."channel" IN ('web', 'phone', 'letter', 'visit', 'hotline_12345', 'inspection', 'referral', 'open311')),
	CONSTRAINT "complaints_lead_ck" CHECK ("complaints"."lead_department" IN ('housing', 'market', 'police', 'civil', 'credit', 'none'))
);
--> statement-breakpoint
CREATE TABLE "triage_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"proposal" jsonb NOT NULL,
	"corrected" jsonb NOT NULL,
	"corrected_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blacklist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"reason" text NOT NULL,
	"listed_from" date NOT NULL,
	"listed_until" date,
	"source_type" text,
	"source_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"repaired_at" timestamp with time zone,
	"repaired_by" uuid,
	"repair_note" text,
	CONSTRAINT "blacklist_entries_period_ck" CHECK ("blacklist_entries"."listed_until" IS NULL OR "blacklist_entries"."listed_until" >= "blacklist_entries"."listed_from")
);
--> statement-breakpoint
CREATE TABLE "credit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"type" text NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"source_type" text,
	"source_id" text,
	"occurred_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"objection_status" text DEFAULT 'none' NOT NULL,
	"objection_reason" text,
	"objection_by" uuid,
	"objection_at" timestamp with time zone,
	"objection_decision_note" text,
	"objection_decided_by" uuid,
	"objection_decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_events_objection_ck" CHECK ("credit_events"."objection_status" IN ('none', 'pending', 'upheld', 'rejected')),
	CONSTRAINT "credit_events_validity_ck" CHECK ("credit_events"."valid_until" >= "credit_events"."occurred_on")
);
--> statement-breakpoint
CREATE TABLE "credit_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"base" integer NOT NULL,
	"items" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_sequences" (
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_sequences_pk" PRIMARY KEY("org_unit_id","year"),
	CONSTRAINT "document_sequences_value_ck" CHECK ("document_sequences"."last_value" >= 1)
);
--> statement-breakpoint
CREATE TABLE "enforcement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"issuing_org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"document_number" text NOT NULL,
	"region_id" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"project_id" uuid,
	"complaint_id" uuid,
	"problem_id" uuid,
	"action_date" date NOT NULL,
	"facts" text NOT NULL,
	"legal_basis_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amount" numeric(16, 2),
	"deadline_days" integer,
	"deadline" date,
	"publication_due_on" date,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"credit_event_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_actions_type_ck" CHECK ("enforcement_actions"."type" IN ('interview', 'rectification_order', 'warning_letter', 'warning', 'fine', 'confiscation', 'police_penalty', 'criminal_referral')),
	CONSTRAINT "enforcement_actions_amount_ck" CHECK ("enforcement_actions"."amount" IS NULL OR "enforcement_actions"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "hotline_orders" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"external_ref" text NOT NULL,
	"source" text,
	"city_ref" text,
	"subject" text,
	"handling_unit" text,
	"major_category" text,
	"minor_category" text,
	"dispatched_at" timestamp with time zone,
	"promised_at" timestamp with time zone,
	"upstream_status" text,
	"last_import_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_bot_challenges" (
	"challenge_id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"region_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"api_key_id" uuid NOT NULL,
	"lat" double precision,
	"long" double precision,
	"email_enc" text,
	"media_url" text,
	"device_id" text,
	"account_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" integer NOT NULL,
	"source_unit" text NOT NULL,
	"content" text NOT NULL,
	"submitted_by" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinions_status_ck" CHECK ("opinions"."status" IN ('open', 'responded')),
	CONSTRAINT "opinions_response_ck" CHECK (("opinions"."status" = 'responded') = ("opinions"."response" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "problem_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"problem_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_enterprise_id" uuid,
	"note" text,
	"attachment_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"reason" text NOT NULL,
	"previous_deadline" date NOT NULL,
	"requested_deadline" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "problem_extensions_status_ck" CHECK ("problem_extensions"."status" IN ('pending', 'approved', 'refused')),
	CONSTRAINT "problem_extensions_days_ck" CHECK ("problem_extensions"."days" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "problem_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"raised_by" uuid,
	"raised_by_name" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "problem_objections_status_ck" CHECK ("problem_objections"."status" IN ('pending', 'upheld', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "problem_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_reviews_method_ck" CHECK ("problem_reviews"."method" IN ('on_site', 'documents')),
	CONSTRAINT "problem_reviews_result_ck" CHECK ("problem_reviews"."result" IN ('pass', 'fail'))
);
--> statement-breakpoint
CREATE TABLE "problem_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"by_enterprise" boolean DEFAULT false NOT NULL,
	"text" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"complaint_id" uuid,
	"region_id" integer NOT NULL,
	"project_id" uuid,
	"enterprise_id" uuid,
	"category" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"measures" text,
	"responsible_org_unit_id" uuid,
	"responsible_person" text,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"repeat_offence" boolean DEFAULT false NOT NULL,
	"repeat_of_problem_id" uuid,
	"suggested_next_step" text,
	"supervised" boolean DEFAULT false NOT NULL,
	"supervision_deadline" date,
	"supervision_note" text,
	"supervised_by" uuid,
	"supervised_at" timestamp with time zone,
	"opened_on" date NOT NULL,
	"created_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_source_ck" CHECK ("problems"."source" IN ('complaint', 'inspection', 'self_inspection', 'spot_check', 'supervision')),
	CONSTRAINT "problems_status_ck" CHECK ("problems"."status" IN ('open', 'rectifying', 'submitted', 'closed', 'withdrawn')),
	CONSTRAINT "problems_category_ck" CHECK ("problems"."category" BETWEEN 0 AND 6),
	CONSTRAINT "problems_rework_ck" CHECK ("problems"."rework_count" >= 0),
	CONSTRAINT "problems_closed_ck" CHECK (("problems"."status" = 'closed') = ("problems"."closed_at" IS NOT NULL)),
	CONSTRAINT "problems_supervision_ck" CHECK (NOT "problems"."supervised" OR "problems"."supervision_deadline" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_redaction_checked_by_users_id_fk" FOREIGN KEY ("redaction_checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_notified_org_unit_id_org_units_id_fk" FOREIGN KEY ("notified_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_org_unit_id_org_units_id_fk" FOREIGN KEY ("actor_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_extensions" ADD CONSTRAINT "complaint_extensions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_extensions" ADD CONSTRAINT "complaint_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_extensions" ADD CONSTRAINT "complaint_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_recalls" ADD CONSTRAINT "complaint_recalls_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_recalls" ADD CONSTRAINT "complaint_recalls_lead_org_unit_id_org_units_id_fk" FOREIGN KEY ("lead_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_recalls" ADD CONSTRAINT "complaint_recalls_recalled_by_users_id_fk" FOREIGN KEY ("recalled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_returns" ADD CONSTRAINT "complaint_returns_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_returns" ADD CONSTRAINT "complaint_returns_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_returns" ADD CONSTRAINT "complaint_returns_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_time_limits" ADD CONSTRAINT "complaint_time_limits_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_triage_corrected_by_users_id_fk" FOREIGN KEY ("triage_corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_lead_org_unit_id_org_units_id_fk" FOREIGN KEY ("lead_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_supervised_by_users_id_fk" FOREIGN KEY ("supervised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reply_drafted_by_users_id_fk" FOREIGN KEY ("reply_drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reply_approved_by_users_id_fk" FOREIGN KEY ("reply_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_followed_up_by_users_id_fk" FOREIGN KEY ("followed_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_merged_into_id_complaints_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_corrections" ADD CONSTRAINT "triage_corrections_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_corrections" ADD CONSTRAINT "triage_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_repaired_by_users_id_fk" FOREIGN KEY ("repaired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_objection_by_users_id_fk" FOREIGN KEY ("objection_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_objection_decided_by_users_id_fk" FOREIGN KEY ("objection_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_events" ADD CONSTRAINT "credit_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rules" ADD CONSTRAINT "credit_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sequences" ADD CONSTRAINT "document_sequences_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_issuing_org_unit_id_org_units_id_fk" FOREIGN KEY ("issuing_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_orders" ADD CONSTRAINT "hotline_orders_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_orders" ADD CONSTRAINT "hotline_orders_last_import_id_import_jobs_id_fk" FOREIGN KEY ("last_import_id") REFERENCES "public"."import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_api_key_id_open311_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."open311_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_enterprise_id_enterprises_id_fk" FOREIGN KEY ("actor_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_extensions" ADD CONSTRAINT "problem_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_objections" ADD CONSTRAINT "problem_objections_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_objections" ADD CONSTRAINT "problem_objections_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_objections" ADD CONSTRAINT "problem_objections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reviews" ADD CONSTRAINT "problem_reviews_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reviews" ADD CONSTRAINT "problem_reviews_submission_id_problem_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."problem_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reviews" ADD CONSTRAINT "problem_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_submissions" ADD CONSTRAINT "problem_submissions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_submissions" ADD CONSTRAINT "problem_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_org_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_repeat_of_problem_id_problems_id_fk" FOREIGN KEY ("repeat_of_problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_supervised_by_users_id_fk" FOREIGN KEY ("supervised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "typical_cases_region_status_idx" ON "typical_cases" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "typical_cases_published_idx" ON "typical_cases" USING btree ("published_at") WHERE "typical_cases"."status" = 'published';--> statement-breakpoint
CREATE INDEX "typical_cases_source_idx" ON "typical_cases" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_escalations_uq" ON "complaint_escalations" USING btree ("complaint_id","kind","due_at");--> statement-breakpoint
CREATE INDEX "complaint_escalations_unit_idx" ON "complaint_escalations" USING btree ("notified_org_unit_id","escalated_at");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_events_action_idx" ON "complaint_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "complaint_extensions_complaint_idx" ON "complaint_extensions" USING btree ("complaint_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_recalls_complaint_uq" ON "complaint_recalls" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_recalls_unit_idx" ON "complaint_recalls" USING btree ("lead_org_unit_id","at");--> statement-breakpoint
CREATE INDEX "complaint_recalls_at_idx" ON "complaint_recalls" USING btree ("at");--> statement-breakpoint
CREATE INDEX "complaint_returns_unit_idx" ON "complaint_returns" USING btree ("org_unit_id","at");--> statement-breakpoint
CREATE INDEX "complaint_returns_complaint_idx" ON "complaint_returns" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_time_limits_uq" ON "complaint_time_limits" USING btree ("campaign_id","lead_department");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_code_uq" ON "complaints" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_external_ref_uq" ON "complaints" USING btree ("channel","external_ref") WHERE "complaints"."external_ref" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_region_status_idx" ON "complaints" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "complaints_status_due_idx" ON "complaints" USING btree ("status","current_due_at");--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "complaints" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "complaints_lead_unit_idx" ON "complaints" USING btree ("lead_org_unit_id","status");--> statement-breakpoint
CREATE INDEX "complaints_project_idx" ON "complaints" USING btree ("project_id","category","received_at");--> statement-breakpoint
CREATE INDEX "complaints_enterprise_idx" ON "complaints" USING btree ("enterprise_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "complaints_phone_bidx_idx" ON "complaints" USING btree ("contact_phone_bidx");--> statement-breakpoint
CREATE INDEX "complaints_merged_into_idx" ON "complaints" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "complaints_status_closed_idx" ON "complaints" USING btree ("status","closed_at");--> statement-breakpoint
CREATE INDEX "triage_corrections_complaint_idx" ON "triage_corrections" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "triage_corrections_at_idx" ON "triage_corrections" USING btree ("at");--> statement-breakpoint
CREATE INDEX "blacklist_entries_enterprise_idx" ON "blacklist_entries" USING btree ("enterprise_id","listed_from");--> statement-breakpoint
CREATE INDEX "blacklist_entries_region_idx" ON "blacklist_entries" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "credit_events_enterprise_idx" ON "credit_events" USING btree ("enterprise_id","occurred_on");--> statement-breakpoint
CREATE INDEX "credit_events_region_idx" ON "credit_events" USING btree ("region_id","occurred_on");--> statement-breakpoint
CREATE INDEX "credit_events_occurred_idx" ON "credit_events" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "credit_events_source_idx" ON "credit_events" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_actions_number_uq" ON "enforcement_actions" USING btree ("document_number");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_actions_seq_uq" ON "enforcement_actions" USING btree ("issuing_org_unit_id","year","seq");--> statement-breakpoint
CREATE INDEX "enforcement_actions_region_date_idx" ON "enforcement_actions" USING btree ("region_id","action_date");--> statement-breakpoint
CREATE INDEX "enforcement_actions_enterprise_idx" ON "enforcement_actions" USING btree ("enterprise_id","action_date");--> statement-breakpoint
CREATE INDEX "enforcement_actions_type_idx" ON "enforcement_actions" USING btree ("type","action_date");--> statement-breakpoint
CREATE INDEX "enforcement_actions_problem_idx" ON "enforcement_actions" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "enforcement_actions_complaint_idx" ON "enforcement_actions" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "enforcement_actions_publication_idx" ON "enforcement_actions" USING btree ("publication_due_on") WHERE "enforcement_actions"."published_at" IS NULL AND "enforcement_actions"."publication_due_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "enforcement_actions_published_idx" ON "enforcement_actions" USING btree ("published_at") WHERE "enforcement_actions"."published_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_orders_external_ref_uq" ON "hotline_orders" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "intake_bot_challenges_expires_idx" ON "intake_bot_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_uq" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_name_uq" ON "open311_api_keys" USING btree ("name");--> statement-breakpoint
CREATE INDEX "open311_requests_key_idx" ON "open311_requests" USING btree ("api_key_id","created_at");--> statement-breakpoint
CREATE INDEX "opinions_region_status_idx" ON "opinions" USING btree ("region_id","status","created_at");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","at");--> statement-breakpoint
CREATE INDEX "problem_extensions_problem_idx" ON "problem_extensions" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_extensions_one_pending_uq" ON "problem_extensions" USING btree ("problem_id") WHERE "problem_extensions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "problem_objections_problem_idx" ON "problem_objections" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_objections_one_pending_uq" ON "problem_objections" USING btree ("problem_id") WHERE "problem_objections"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "problem_reviews_submission_uq" ON "problem_reviews" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "problem_reviews_problem_idx" ON "problem_reviews" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_submissions_seq_uq" ON "problem_submissions" USING btree ("problem_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_code_uq" ON "problems" USING btree ("code");--> statement-breakpoint
CREATE INDEX "problems_region_status_idx" ON "problems" USING btree ("region_id","status","created_at");--> statement-breakpoint
CREATE INDEX "problems_enterprise_category_idx" ON "problems" USING btree ("enterprise_id","category","opened_on");--> statement-breakpoint
CREATE INDEX "problems_status_deadline_idx" ON "problems" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "problems_source_idx" ON "problems" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "problems_complaint_idx" ON "problems" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "problems_supervised_idx" ON "problems" USING btree ("supervised","supervision_deadline");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;