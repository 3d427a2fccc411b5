-- callqa store, version 5: tokens expire, are listed and revoked by a public id (the first 16
-- hex digits of their sha256), and say who minted them; a review says who minted the token it
-- was made with when that was someone other than the reviewer. Rows of api_tokens are never
-- deleted, so the table is also the audit trail of who issued and revoked which token, when.

-- DuckDB refuses ALTER TABLE on a table an index depends on; 0004 drops these too (a DuckDB
-- index bug), so this is a no-op after it.
DROP INDEX IF EXISTS api_tokens_user;
DROP INDEX IF EXISTS reviews_call;

ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;  -- refused from then on
ALTER TABLE api_tokens ADD COLUMN issued_by VARCHAR;       -- the admin who minted it over the API; NULL: the database's operator (CLI, start-up)
ALTER TABLE api_tokens ADD COLUMN revoked_by VARCHAR;      -- likewise, for revocation
-- Tokens issued before expiry existed get the default lifetime from their creation.
UPDATE api_tokens SET expires_at = created_at + INTERVAL 90 DAY;

ALTER TABLE reviews ADD COLUMN token_issued_by VARCHAR;    -- NULL unless the reviewer's token was minted by another user
