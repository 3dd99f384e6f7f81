-- Budgets as plans: a budget is its own object (no longer only an amount inside policy YAML), edited by finance.
-- It has a scope (a team, a project, a billing account, a service or a tag expression), the cost metric it is
-- measured in, one currency, and a plan: an exact amount per period (month or quarter). A child budget rolls up to
-- its parent. Policies name a budget instead of repeating its amount.

create table budget_plans (
    id             varchar(64)  primary key,
    name           varchar(200) not null,
    owner_username varchar(64)  not null,
    scope_kind     varchar(20)  not null,
    scope_value    varchar(400) not null,
    cost_metric    varchar(20)  not null default 'EFFECTIVE_COST',
    currency       varchar(3)   not null,
    granularity    varchar(10)  not null,
    parent_id      varchar(64)  references budget_plans (id),
    -- optimistic locking: an edit names the version it started from; a stale one is refused
    version        integer      not null default 0,
    created_at     timestamp with time zone not null,
    created_by     varchar(64)  not null,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(64)  not null,
    constraint ck_budget_plans_scope check (scope_kind in ('TEAM', 'PROJECT', 'BILLING_ACCOUNT', 'SERVICE', 'TAG')),
    constraint ck_budget_plans_metric check (cost_metric in ('EFFECTIVE_COST', 'BILLED_COST', 'LIST_COST')),
    constraint ck_budget_plans_granularity check (granularity in ('MONTH', 'QUARTER')),
    constraint ck_budget_plans_parent check (parent_id is null or parent_id <> id)
);
create index ix_budget_plans_parent on budget_plans (parent_id);

-- One exact amount per budget and period; period_start is the first day of the month or quarter.
create table budget_plan_amounts (
    budget_id    varchar(64)    not null references budget_plans (id) on delete cascade,
    period_start date           not null,
    amount       numeric(19, 2) not null,
    constraint pk_budget_plan_amounts primary key (budget_id, period_start),
    constraint ck_budget_plan_amounts_amount check (amount >= 0)
);
