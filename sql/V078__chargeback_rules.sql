-- Showback and chargeback: how shared cost is split between teams. One rule for the portal (row id 1), edited by
-- finance. Shared cost is the cost of rows tagged with one of the shared teams (e.g. platform) and, when
-- split_untagged is true, of rows without a team tag; it is split EVEN between the teams with direct cost,
-- PROPORTIONAL to their direct cost, or in FIXED shares (chargeback_fixed_shares, percents adding to 100).
create table chargeback_rules (
    id             integer      primary key,
    split_rule     varchar(20)  not null,
    shared_teams   varchar(1000) not null default '',
    split_untagged boolean      not null default true,
    -- optimistic locking: an edit names the version it started from; a stale one is refused
    version        integer      not null default 0,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(64)  not null,
    constraint ck_chargeback_rules_single check (id = 1),
    constraint ck_chargeback_rules_rule check (split_rule in ('EVEN', 'PROPORTIONAL', 'FIXED'))
);

create table chargeback_fixed_shares (
    team    varchar(100)  primary key,
    percent numeric(7, 4) not null,
    constraint ck_chargeback_fixed_shares_percent check (percent >= 0 and percent <= 100)
);
