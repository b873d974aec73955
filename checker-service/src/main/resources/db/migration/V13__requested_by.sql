-- Who asked for each check run: the API token's name, or planner-service for a deployment's environment check.
ALTER TABLE check_run ADD COLUMN requested_by TEXT;
