ALTER TABLE "api_keys" ADD COLUMN "parent_key_id" varchar(24);--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "last_name" text;--> statement-breakpoint
CREATE INDEX "workspace_invites_email_idx" ON "workspace_invites" USING btree ("email");--> statement-breakpoint
-- An account nobody has used (no password, never signed in, no linked identity) was named by the
-- workspace that added it, the first of its memberships: that name moves onto that membership, and
-- the account keeps only a neutral name (its address's local part) for every other workspace.
UPDATE "memberships" AS m SET "display_name" = u."display_name", "first_name" = u."first_name", "last_name" = u."last_name"
FROM "users" AS u
WHERE u."id" = m."user_id" AND u."password_hash" IS NULL AND u."last_login" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "user_identities" AS i WHERE i."user_id" = u."id")
  AND m."workspace_id" = (SELECT f."workspace_id" FROM "memberships" AS f WHERE f."user_id" = u."id" ORDER BY f."created", f."workspace_id" LIMIT 1);--> statement-breakpoint
UPDATE "users" AS u SET "display_name" = split_part(u."email", '@', 1), "first_name" = NULL, "last_name" = NULL
WHERE u."password_hash" IS NULL AND u."last_login" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "user_identities" AS i WHERE i."user_id" = u."id")
  AND EXISTS (SELECT 1 FROM "memberships" AS m WHERE m."user_id" = u."id");
