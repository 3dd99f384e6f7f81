-- The Idempotency-Key a client sent with POST /api/v1/provisioning/requests, per user: a retry with the same key
-- and the same body answers with the request made the first time; the same key with another body is refused.
-- body_sha256 is the hash of the request body as the API read it (canonical form, not the raw bytes).
create table api_idempotency_keys (
    username     varchar(200) not null,
    idem_key     varchar(200) not null,
    body_sha256  varchar(64)  not null,
    request_id   varchar(64)  not null references provisioning_requests (id),
    created_at   timestamp with time zone not null,
    constraint pk_api_idempotency_keys primary key (username, idem_key)
);
