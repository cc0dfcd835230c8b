-- Daily digest e-mails: one row per organisation, day (in the organisation's time zone) and
-- recipient. Inserting the row claims the digest, so however many workers run it goes out once;
-- a send that failed stays here, due again at next_attempt_at.
CREATE TABLE digest_deliveries (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    day             date         NOT NULL,
    recipient       varchar(254) NOT NULL,
    status          varchar(10)  NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_reply      varchar(500),
    last_error      varchar(1000),
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (organization_id, day, recipient)
);
CREATE INDEX digest_deliveries_due_idx ON digest_deliveries(next_attempt_at) WHERE status IN ('pending', 'retrying');

ALTER TABLE digest_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON digest_deliveries
    USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
