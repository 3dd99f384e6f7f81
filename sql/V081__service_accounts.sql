-- Service accounts: users that scripts and pipelines act as through API tokens. They have roles and teams like a
-- person, but no password, so they can never log in interactively (form login and the CLI's login exchange both
-- refuse them); an admin creates and revokes their tokens.

alter table users add column service_account boolean not null default false;

alter table users alter column password_hash drop not null;

alter table users add constraint ck_users_service_account_no_password
    check (service_account = false or password_hash is null);
