-- The cloud provider ids each plugin install offered, so uninstalling a plugin can list the resources that would be
-- left without a provider even while the plugin is disabled or failed (its extensions are not live then).
-- Comma-separated extension ids; null for installs recorded before this column existed.
alter table plugin_installs add column provider_ids varchar(2000);
