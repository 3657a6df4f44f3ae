CREATE TABLE "question_datasets" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"driver" text DEFAULT 'postgres' NOT NULL,
	"table_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"content" "bytea" NOT NULL,
	"compressed_size" integer NOT NULL,
	"script_size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_datasets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "shared_question_datasets" (
	"id" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"driver" text DEFAULT 'postgres' NOT NULL,
	"table_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"content" "bytea" NOT NULL,
	"compressed_size" integer NOT NULL,
	"script_size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_question_datasets_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE TABLE "judge_runs" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"question_id" varchar(64),
	"answer_id" varchar(24),
	"language_id" integer NOT NULL,
	"source" text NOT NULL,
	"tests" jsonb NOT NULL,
	"limits" jsonb NOT NULL,
	"comparison" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"verdicts" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "judge_runs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE INDEX "question_datasets_created_idx" ON "question_datasets" USING btree ("workspace_id","created");--> statement-breakpoint
CREATE INDEX "judge_runs_queue_idx" ON "judge_runs" USING btree ("created") WHERE status <> 'done';--> statement-breakpoint
CREATE INDEX "judge_runs_answer_idx" ON "judge_runs" USING btree ("workspace_id","answer_id");--> statement-breakpoint
CREATE INDEX "memberships_subaccounts_idx" ON "memberships" USING gin ("subaccount_ids");