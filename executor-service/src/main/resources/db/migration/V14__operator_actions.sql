-- An operator action's run waits in AWAITING_OPERATOR: no owner, no lease, and not in the host's order of mutating
-- steps (those are ACCEPTED or RUNNING), so it holds no slot and blocks no other step. The operator's completion
-- makes it ACCEPTED again, with who completed it and their note, and any executor claims it to verify.
ALTER TABLE step_run
    ADD COLUMN action_id           TEXT,
    ADD COLUMN action_requested_at TIMESTAMPTZ,
    ADD COLUMN action_completed_at TIMESTAMPTZ,
    ADD COLUMN action_completed_by TEXT,
    ADD COLUMN action_note         TEXT;
