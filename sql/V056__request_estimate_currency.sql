-- A provisioning request's estimate keeps the currency of the offering it was priced from (plugin API 1.2 lets a
-- provider price in any ISO 4217 currency). Requests stored before were priced in USD. Resources take their hourly
-- cost from their request, so the request's currency is also theirs.
alter table provisioning_requests add column estimate_currency varchar(3) not null default 'USD';
