ALTER TABLE "question_datasets" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "shared_question_datasets" DROP COLUMN "content";