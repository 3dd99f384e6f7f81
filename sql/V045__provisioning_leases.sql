-- Provisioning as a state machine with leases: a request handed to a provider is claimed by one portal process
-- (claimed_by) for a limited time (claimed_at + the lease), so reconciliation never hands an in-flight call over a
-- second time; UNKNOWN is a request whose provider call ended without a definite answer (a timeout, an unexpected
-- error): its budget stays reserved until the provider's status says PROVISIONED or FAILED.
alter table provisioning_requests add column claimed_by varchar(200);
alter table provisioning_requests add column claimed_at timestamp with time zone;
alter table provisioning_requests drop constraint ck_provisioning_requests_state;
alter table provisioning_requests add constraint ck_provisioning_requests_state check (state in ('DENIED',
    'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'PROVISIONING', 'UNKNOWN', 'PROVISIONED', 'FAILED'));
