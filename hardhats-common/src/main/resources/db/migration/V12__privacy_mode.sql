-- Privacy mode blurs heads in everything a worker stores or publishes. Organisations that exist
-- already keep what they had (off); every organisation created from now on starts with it on.
ALTER TABLE organizations ADD COLUMN privacy_mode boolean NOT NULL DEFAULT false;
ALTER TABLE organizations ALTER COLUMN privacy_mode SET DEFAULT true;
