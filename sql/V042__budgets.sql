-- Budget accounts (one per budget rule, scope value and period) and the reservations held against them. A
-- provisioning decision locks its accounts' rows (select ... for update, in key order), reads committed spend,
-- and upserts its reservation in the same transaction, so concurrent requests can never overspend.

create table budget_accounts (
    account_key  varchar(400) primary key,
    budget_id    varchar(200) not null,
    scope        varchar(10)  not null,
    scope_value  varchar(100) not null,
    period       varchar(10)  not null,
    period_start timestamp with time zone not null,
    period_end   timestamp with time zone not null
);

create table budget_reservations (
    account_key varchar(400) not null references budget_accounts (account_key),
    request_id  varchar(64)  not null,
    amount      double precision not null,
    created_at  timestamp with time zone not null,
    constraint pk_budget_reservations primary key (account_key, request_id),
    constraint ck_budget_reservations_amount check (amount >= 0)
);
create index ix_budget_reservations_request on budget_reservations (request_id);
