-- Budgets read imported billing data as well as what Burnrate meters itself, without counting anything twice.
-- A dataset counts toward budgets unless told otherwise; Burnrate's own "metered-usage" dataset (metered rows
-- copied there for the cost explorer) does not, because metered_usage already counts them.
alter table usage_datasets add column counts_toward_budgets boolean not null default true;

-- The usage version a metered row was appended to (null: not yet), so the same metered hour is never appended twice.
alter table metered_usage add column usage_version varchar(64);
create index ix_metered_usage_pending on metered_usage (usage_version);
