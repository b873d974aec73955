-- The installer profile (docs/installers.md) a deployment's steps follow; the registry's requests carry it.
ALTER TABLE registry_deployment ADD COLUMN installer_profile TEXT;
