-- Retention removes an organisation's finished digests oldest first, one bounded batch at a time.
CREATE INDEX digest_deliveries_organization_created_idx ON digest_deliveries (organization_id, created_at);
