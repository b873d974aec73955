-- The single generated token of earlier versions becomes the admin token 'bootstrap' of access_token (platform V12);
-- its table goes. A new audit column: who did each action (the token's name, or the identity provider's subject).
INSERT INTO access_token (id, name, role, token_hash, created_at, created_by)
SELECT gen_random_uuid(), 'bootstrap', 'admin', token_hash, created_at, 'first start' FROM api_token;
DROP TABLE api_token;
ALTER TABLE audit_entry ADD COLUMN actor TEXT;
