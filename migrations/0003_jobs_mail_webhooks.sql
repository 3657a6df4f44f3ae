CREATE TABLE "job_outbox" (
	"id" varchar(24) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"start_after" timestamp with time zone,
	"singleton_key" text,
	"claimed_until" timestamp with time zone,
	"created" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"message_id" varchar(24) NOT NULL,
	"attempt" integer NOT NULL,
	"url" text NOT NULL,
	"status" text NOT NULL,
	"response_status" integer,
	"duration_ms" integer NOT NULL,
	"error" text,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_disabled_endpoints" (
	"workspace_id" varchar(24) NOT NULL,
	"url" text NOT NULL,
	"reason" text NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_disabled_endpoints_workspace_id_url_pk" PRIMARY KEY("workspace_id","url")
);
--> statement-breakpoint
CREATE TABLE "webhook_messages" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"event_type" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_messages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_message_idx" ON "webhook_deliveries" USING btree ("workspace_id","message_id","attempt");--> statement-breakpoint
CREATE INDEX "webhook_messages_status_idx" ON "webhook_messages" USING btree ("workspace_id","status","created");