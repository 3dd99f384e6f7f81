-- A requester (or an administrator) may withdraw a request while it waits for approval: CANCELLED is final, and
-- its budget reservation is freed with the change (the REST API's POST /api/v1/provisioning/requests/{id}/cancel).
alter table provisioning_requests drop constraint ck_provisioning_requests_state;
alter table provisioning_requests add constraint ck_provisioning_requests_state check (state in ('DENIED',
    'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'PROVISIONING', 'UNKNOWN', 'PROVISIONED', 'FAILED', 'CANCELLED'));
