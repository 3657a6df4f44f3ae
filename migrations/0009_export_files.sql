CREATE TABLE "export_files" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"type" text NOT NULL,
	"params" jsonb NOT NULL,
	"language" text NOT NULL,
	"subaccount_id" varchar(24),
	"allowed_subaccount_ids" varchar(24)[] DEFAULT '{}'::varchar(24)[] NOT NULL,
	"author_id" varchar(24),
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"row_count" bigint,
	"size" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"started" timestamp with time zone,
	"finished" timestamp with time zone,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "export_files_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "export_files_expires_idx" ON "export_files" USING btree ("expires");