CREATE TABLE "operations" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"type" text NOT NULL,
	"permission" text NOT NULL,
	"subaccount_id" varchar(24),
	"allowed_subaccount_ids" varchar(24)[] DEFAULT '{}'::varchar(24)[] NOT NULL,
	"author_id" varchar(24),
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"checkpoint" text,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"started" timestamp with time zone,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	"finished" timestamp with time zone,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "operations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "operations_expires_idx" ON "operations" USING btree ("expires");