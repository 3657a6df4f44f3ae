CREATE TABLE "answer_upload_parts" (
	"workspace_id" varchar(24) NOT NULL,
	"answer_id" varchar(24) NOT NULL,
	"record_id" text NOT NULL,
	"part_number" integer NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_upload_parts_workspace_id_answer_id_record_id_part_number_pk" PRIMARY KEY("workspace_id","answer_id","record_id","part_number")
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"attempt_id" varchar(24) NOT NULL,
	"question_id" varchar(24) NOT NULL,
	"status" text DEFAULT 'unanswered' NOT NULL,
	"response" jsonb,
	"revision" integer DEFAULT 0 NOT NULL,
	"saved_at" timestamp with time zone,
	"score" real,
	"max_score" real,
	"auto_result" jsonb,
	"review" jsonb,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_links" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"assessment_id" varchar(24) NOT NULL,
	"token" text NOT NULL,
	"name" text,
	"active" boolean DEFAULT true NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"open_at" timestamp with time zone,
	"close_at" timestamp with time zone,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_revisions" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"assessment_id" varchar(24) NOT NULL,
	"number" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_revisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"duration" integer DEFAULT 60 NOT NULL,
	"duration_unit" text DEFAULT 'minute' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skill_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	"career" jsonb,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"subaccount_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	"author_id" varchar(24),
	"last_interaction" timestamp with time zone,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "attempts" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"assessment_id" varchar(24) NOT NULL,
	"revision_id" varchar(24),
	"user_id" varchar(24) NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"stage" text DEFAULT 'none' NOT NULL,
	"source" text DEFAULT 'invite' NOT NULL,
	"link_id" varchar(24),
	"inviter_id" varchar(24),
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"token_nonce" varchar(32) NOT NULL,
	"seed" integer NOT NULL,
	"invitation_date" timestamp with time zone,
	"invitation_date_expire" timestamp with time zone,
	"deadline" timestamp with time zone,
	"custom_time_open" timestamp with time zone,
	"custom_time_close" timestamp with time zone,
	"duration_seconds" integer NOT NULL,
	"terms" timestamp with time zone,
	"started" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"finished" timestamp with time zone,
	"score" real,
	"total_score" real,
	"max_score" real,
	"breakdown" jsonb,
	"hidden_results" boolean DEFAULT false NOT NULL,
	"results_sent_at" timestamp with time zone,
	"unlocked_at" timestamp with time zone,
	"integrity_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"reopen_date" timestamp with time zone,
	"reopen_reason" text,
	"disable_email" boolean DEFAULT false NOT NULL,
	"callback_url" text,
	"webhook_url" text,
	"external" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subaccount_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attempts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "public_questions" (
	"id" varchar(24) NOT NULL,
	"slug" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"level" text DEFAULT 'intermediate' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"locale" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration" integer DEFAULT 10 NOT NULL,
	"duration_unit" text DEFAULT 'minute' NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"skill_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"question_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"internal_notes" jsonb,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bootstrap" jsonb,
	"author_id" varchar(24),
	"source_question_id" varchar(24),
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_workspace_id" varchar(24),
	CONSTRAINT "public_questions_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"slug" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"level" text DEFAULT 'intermediate' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"locale" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration" integer DEFAULT 10 NOT NULL,
	"duration_unit" text DEFAULT 'minute' NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"skill_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"question_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"internal_notes" jsonb,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bootstrap" jsonb,
	"author_id" varchar(24),
	"source_question_id" varchar(24),
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	"subaccount_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	CONSTRAINT "questions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "skill_variants" (
	"workspace_id" varchar(24) NOT NULL,
	"id" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"skill_id" varchar(24),
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_locale" text DEFAULT 'en' NOT NULL,
	"translated_content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	"subaccount_ids" varchar(24)[] DEFAULT '{}'::varchar[] NOT NULL,
	"author_id" varchar(24),
	CONSTRAINT "skill_variants_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" varchar(24) NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text DEFAULT 'hard' NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skills_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE TABLE "template_skill_variants" (
	"id" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"skill_id" varchar(24),
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_locale" text DEFAULT 'en' NOT NULL,
	"translated_content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_skill_variants_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
ALTER TABLE "answer_upload_parts" ADD CONSTRAINT "answer_upload_parts_workspace_id_answer_id_answers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","answer_id") REFERENCES "public"."answers"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_workspace_id_attempt_id_attempts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","attempt_id") REFERENCES "public"."attempts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_links" ADD CONSTRAINT "assessment_links_workspace_id_assessment_id_assessments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assessment_id") REFERENCES "public"."assessments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_revisions" ADD CONSTRAINT "assessment_revisions_workspace_id_assessment_id_assessments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assessment_id") REFERENCES "public"."assessments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_workspace_id_assessment_id_assessments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","assessment_id") REFERENCES "public"."assessments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answers_question_idx" ON "answers" USING btree ("workspace_id","attempt_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_links_token_idx" ON "assessment_links" USING btree ("workspace_id","token");--> statement-breakpoint
CREATE INDEX "assessment_links_assessment_idx" ON "assessment_links" USING btree ("workspace_id","assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_revisions_sha_idx" ON "assessment_revisions" USING btree ("workspace_id","assessment_id","sha256");--> statement-breakpoint
CREATE INDEX "assessments_created_idx" ON "assessments" USING btree ("workspace_id","created");--> statement-breakpoint
CREATE INDEX "assessments_status_idx" ON "assessments" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_person_idx" ON "attempts" USING btree ("workspace_id","assessment_id","email");--> statement-breakpoint
CREATE INDEX "attempts_assessment_idx" ON "attempts" USING btree ("workspace_id","assessment_id","status","created");--> statement-breakpoint
CREATE INDEX "attempts_user_idx" ON "attempts" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "attempts_created_idx" ON "attempts" USING btree ("workspace_id","created");--> statement-breakpoint
CREATE INDEX "attempts_ends_idx" ON "attempts" USING btree ("ends_at") WHERE status = 'started';--> statement-breakpoint
CREATE UNIQUE INDEX "public_questions_slug_idx" ON "public_questions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "public_questions_status_idx" ON "public_questions" USING btree ("status","type");--> statement-breakpoint
CREATE UNIQUE INDEX "questions_slug_idx" ON "questions" USING btree ("workspace_id","slug");--> statement-breakpoint
CREATE INDEX "questions_created_idx" ON "questions" USING btree ("workspace_id","created");--> statement-breakpoint
CREATE INDEX "questions_status_idx" ON "questions" USING btree ("workspace_id","status","type");--> statement-breakpoint
CREATE INDEX "skill_variants_created_idx" ON "skill_variants" USING btree ("workspace_id","created");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_slug_idx" ON "skills" USING btree ("slug");