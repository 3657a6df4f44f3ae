ALTER TABLE "question_datasets" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "shared_question_datasets" ADD COLUMN "storage_key" text;