-- One row per scheduled job (metering, reconcile, policy scan, webhook delivery): the job runs only in the portal
-- that holds the row's lease, so several portals on one database never run the same job at once. Written by
-- ShedLock's JDBC provider using the database's clock; lock_until is UTC without a zone, as ShedLock expects.
create table job_locks (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
