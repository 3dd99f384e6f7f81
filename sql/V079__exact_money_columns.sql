-- Money is exact where a person reads or signs a figure: the money columns older migrations made
-- double precision become NUMERIC. Existing values convert to the nearest decimal at the column's scale
-- (micro-dollars for amounts), so a double like 0.30000000000000004 becomes 0.300000. Defaults and check constraints
-- (budget_reservations.amount >= 0, exchange_rates.rate > 0, resources.cost_to_date default 0) stay as
-- they are. Quantities, durations and scores stay double precision: they are not money.
alter table budget_reservations alter column amount set data type numeric(19, 6);

-- a rate, not money, but it multiplies money: more places than a money amount
alter table exchange_rates alter column rate set data type numeric(24, 12);

-- Hourly costs and hourly metered rows keep 12 decimals: an hour of a small storage bucket costs less than a
-- micro-dollar (1 GB at 0.023 a GB-month is 0.0000315 an hour), and rounding every row to 6 decimals would
-- bias the totals they add up to. Totals, estimates and reservations keep micro-dollars.
alter table provisioning_requests alter column hourly_cost set data type numeric(24, 12);
alter table provisioning_requests alter column expected_total set data type numeric(19, 6);
alter table provisioning_requests alter column p90_total set data type numeric(19, 6);

alter table resources alter column hourly_cost set data type numeric(24, 12);
alter table resources alter column cost_to_date set data type numeric(19, 6);

alter table metered_usage alter column billed_cost set data type numeric(24, 12);
alter table metered_usage alter column effective_cost set data type numeric(24, 12);
alter table metered_usage alter column list_cost set data type numeric(24, 12);

-- totals over a whole imported dataset: wider than one row's amount
alter table usage_versions alter column billed_cost set data type numeric(24, 6);
alter table usage_versions alter column effective_cost set data type numeric(24, 6);
alter table usage_versions alter column list_cost set data type numeric(24, 6);
alter table usage_versions alter column contracted_cost set data type numeric(24, 6);

alter table simulation_runs alter column recommended_cost set data type numeric(19, 6);
