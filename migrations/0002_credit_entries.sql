CREATE TABLE "credit_entries" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"action" text NOT NULL,
	"type" text NOT NULL,
	"amount" integer NOT NULL,
	"author_id" varchar(24),
	"related_type" text,
	"related_id" varchar(64),
	"note" text,
	"expires" timestamp with time zone,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "credit_entries_balance_idx" ON "credit_entries" USING btree ("workspace_id","type","amount","expires");--> statement-breakpoint
CREATE INDEX "credit_entries_created_idx" ON "credit_entries" USING btree ("workspace_id","created");--> statement-breakpoint
CREATE INDEX "credit_entries_author_idx" ON "credit_entries" USING btree ("workspace_id","author_id");