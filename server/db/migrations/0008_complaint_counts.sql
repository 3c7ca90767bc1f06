CREATE TABLE "complaint_month_counts" (
	"region_id" integer NOT NULL,
	"month" date NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_status_counts" (
	"region_id" integer NOT NULL,
	"category" integer NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "complaint_month_counts_month_idx" ON "complaint_month_counts" USING btree ("month","region_id");--> statement-breakpoint
CREATE INDEX "complaint_status_counts_region_idx" ON "complaint_status_counts" USING btree ("region_id");