-- Budgets as plans, for installs that already have the demo budget policy: the ML research policy's flat
-- "amount: 50000" (USD per month) becomes a budget plan "ml-research" (team ml-research, EffectiveCost, USD, per
-- month) with 50,000 planned for every month from 2020 to 2035, and the policy gets a new version that names the
-- budget instead of the amount (scope, period and currency of the rule agree with the budget, so they may stay).
-- Only a policy whose current version still has that amount, as a monthly team budget in USD, is converted; an
-- edited policy keeps its amount (amount: still works). On a fresh database nothing matches: the demo data
-- creates the plan and the policy (which names it) itself. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

insert into budget_plans (id, name, owner_username, scope_kind, scope_value, cost_metric, currency, granularity,
                          parent_id, version, created_at, created_by, updated_at, updated_by)
select 'ml-research', 'ML research', coalesce((select u.username from users u where u.username = 'approver'),
                                              p.updated_by),
       'TEAM', 'ml-research', 'EFFECTIVE_COST', 'USD', 'MONTH', null, 0,
       current_timestamp, 'migration V073', current_timestamp, 'migration V073'
from policies p
join policy_versions v on v.policy_id = p.id and v.version = p.current_version
where p.id = 'ml-research-budget'
  and v.source like '%amount: 50000
%'
  and v.source not like '%scope: project%'
  and v.source not like '%scope: all%'
  and v.source not like '%period: quarter%'
  and v.source not like '%currency:%'
  and v.source not like '%budget:%'
  and not exists (select 1 from budget_plans b where b.id = 'ml-research');

-- every month of 2020 to 2035 as year x month (plain VALUES: a recursive CTE's date column is typed differently
-- by H2 and PostgreSQL)
insert into budget_plan_amounts (budget_id, period_start, amount)
select 'ml-research', cast(y.y || '-' || m.m || '-01' as date), 50000.00
from (values ('2020'), ('2021'), ('2022'), ('2023'), ('2024'), ('2025'), ('2026'), ('2027'), ('2028'), ('2029'),
             ('2030'), ('2031'), ('2032'), ('2033'), ('2034'), ('2035')) as y (y)
cross join (values ('01'), ('02'), ('03'), ('04'), ('05'), ('06'), ('07'), ('08'), ('09'), ('10'), ('11'),
                   ('12')) as m (m)
where exists (select 1 from budget_plans b where b.id = 'ml-research' and b.created_by = 'migration V073');

insert into policy_versions (policy_id, version, name, mode, scope, source, comment, created_at, created_by)
select p.id, p.current_version + 1, v.name, v.mode, v.scope,
       replace(v.source, 'amount: 50000
', 'budget: ml-research
'),
       'The budget amount moved to the budget plan ml-research (migration V073)', current_timestamp, 'system'
from policies p
join policy_versions v on v.policy_id = p.id and v.version = p.current_version
where p.id = 'ml-research-budget'
  and exists (select 1 from budget_plans b where b.id = 'ml-research' and b.created_by = 'migration V073');

update policies
set current_version = current_version + 1, updated_at = current_timestamp, updated_by = 'system'
where id = 'ml-research-budget'
  and exists (select 1 from policy_versions v where v.policy_id = 'ml-research-budget'
              and v.version = policies.current_version + 1);
