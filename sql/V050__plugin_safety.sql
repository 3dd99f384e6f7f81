-- What the plugin host remembers across restarts so that a plugin that hurt the portal cannot do it again:
-- suspensions (a plugin that hung or failed stays suspended until an administrator enables it), and a marker
-- written before a plugin's first calls and deleted after them (a marker found at start-up means the process died
-- during those calls, so the plugin starts suspended). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table plugin_suspensions (
    plugin_id    varchar(200)  not null,
    reason       varchar(2000) not null,
    suspended_at timestamp with time zone not null,
    constraint pk_plugin_suspensions primary key (plugin_id)
);

create table plugin_start_markers (
    plugin_id  varchar(200) not null,
    started_at timestamp with time zone not null,
    constraint pk_plugin_start_markers primary key (plugin_id)
);
