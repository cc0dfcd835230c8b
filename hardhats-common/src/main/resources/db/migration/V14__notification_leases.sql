-- Retention removes an organisation's finished digests oldest first, one bounded batch at a time.
CREATE INDEX digest_deliveries_organization_created_idx ON digest_deliveries (organization_id, created_at);

-- A worker sending a digest holds it by this token (and a lease in next_attempt_at), not by a row
-- lock: the e-mail goes out with no transaction open.
ALTER TABLE digest_deliveries ADD COLUMN claim_token uuid;
