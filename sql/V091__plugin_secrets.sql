-- Plugin settings declared secret (API key, password): encrypted by the portal with AES-256-GCM before they get
-- here, so a database dump or backup does not reveal them. key_id names the key that encrypted the value (the start
-- of its SHA-256), so after a key rotation old values are still read with the old key and re-encrypted.
-- Plain plugin settings stay in settings (plugin.<id>.<key>). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table plugin_secrets (
    plugin_id   varchar(64)  not null,
    setting_key varchar(80)  not null,
    key_id      varchar(16)  not null,
    ciphertext  text         not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null,
    constraint pk_plugin_secrets primary key (plugin_id, setting_key)
);
