-- Users who sign in through OIDC single sign-on: the identity provider's issuer and subject identify them there,
-- and they have no local password (form login refuses them; V081 made the password optional for service accounts).
-- Every user now has a password, is a service account, or has an identity at the provider.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

alter table users add column external_issuer varchar(500);
alter table users add column external_subject varchar(255);
alter table users add constraint uq_users_external unique (external_issuer, external_subject);
alter table users add constraint ck_users_password_or_external
    check (password_hash is not null or service_account = true
        or (external_issuer is not null and external_subject is not null));
