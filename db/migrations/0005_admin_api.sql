CREATE TABLE "admin_api_keys" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admin_api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (6) with time zone,
	"revoked_at" timestamp (6) with time zone
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "legacy_custom_data" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_api_keys_key_hash_key" ON "admin_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "customers_birth_date_idx" ON "customers" USING btree (coalesce("date_of_birth", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "customers_first_name_idx" ON "customers" USING btree (coalesce("first_name", ''),"id");--> statement-breakpoint
CREATE INDEX "customers_last_name_idx" ON "customers" USING btree (coalesce("last_name", ''),"id");--> statement-breakpoint
CREATE INDEX "customers_last_login_at_idx" ON "customers" USING btree (coalesce("last_login_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "customers_password_reset_requested_at_idx" ON "customers" USING btree (coalesce("password_reset_requested_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "customers_groups_idx" ON "customers" USING gin ("groups");--> statement-breakpoint
CREATE INDEX "customers_is_active_idx" ON "customers" USING btree ("is_active","id");--> statement-breakpoint
CREATE INDEX "customer_addresses_default_shipping_country_idx" ON "customer_addresses" USING btree ("country_code","customer_id") WHERE "customer_addresses"."is_default_shipping";--> statement-breakpoint
CREATE INDEX "customer_addresses_default_billing_country_idx" ON "customer_addresses" USING btree ("country_code","customer_id") WHERE "customer_addresses"."is_default_billing";