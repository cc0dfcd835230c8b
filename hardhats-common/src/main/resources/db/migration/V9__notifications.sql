-- Notifications: channels an organisation's admins set up, the outbox of deliveries written in
-- the transaction that records a violation, and the log of every attempt to deliver one.

-- Active hours and summaries are read in the organisation's own time zone (an IANA zone id).
ALTER TABLE organizations ADD COLUMN time_zone varchar(64) NOT NULL DEFAULT 'UTC';

CREATE TABLE notification_channels (
    id                       uuid PRIMARY KEY,
    organization_id          uuid         NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name                     varchar(120) NOT NULL,
    kind                     varchar(10)  NOT NULL CHECK (kind IN ('email', 'slack', 'teams', 'webhook')),
    enabled                  boolean      NOT NULL DEFAULT true,
    -- Webhook URLs carry secrets (Slack, Teams), so the target is Fernet-encrypted like camera
    -- credentials; the masked form is kept beside it so lists never decrypt.
    target_encrypted         text         NOT NULL,
    target_masked            varchar(300) NOT NULL,
    signing_secret_encrypted text,
    filters                  jsonb        NOT NULL DEFAULT '{}'::jsonb,
    storm_max_alerts         integer      NOT NULL DEFAULT 5 CHECK (storm_max_alerts BETWEEN 1 AND 1000),
    storm_window_seconds     integer      NOT NULL DEFAULT 120 CHECK (storm_window_seconds BETWEEN 10 AND 86400),
    created_at               timestamptz  NOT NULL DEFAULT now()
);

-- The outbox: one row per event and channel (storm summaries and test messages have no event).
-- Held alerts are covered by a summary row and are never sent alone.
CREATE TABLE notification_deliveries (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    channel_id      uuid        NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
    event_id        uuid        REFERENCES events(id) ON DELETE CASCADE,
    purpose         varchar(10) NOT NULL CHECK (purpose IN ('alert', 'summary', 'test')),
    status          varchar(10) NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed', 'held')),
    covered_by      uuid        REFERENCES notification_deliveries(id) ON DELETE SET NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    -- A dispatcher that claimed the row; another may take it over only once the claim expires.
    claim_token     uuid,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    CHECK ((purpose = 'alert') = (event_id IS NOT NULL))
);
CREATE INDEX notification_channels_organization_idx ON notification_channels(organization_id);
CREATE UNIQUE INDEX notification_deliveries_alert_once ON notification_deliveries(event_id, channel_id)
    WHERE purpose = 'alert';
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries(next_attempt_at)
    WHERE status IN ('pending', 'retrying');
CREATE INDEX notification_deliveries_organization_created_idx
    ON notification_deliveries(organization_id, created_at DESC, id DESC);
CREATE INDEX notification_deliveries_channel_created_idx ON notification_deliveries(channel_id, created_at DESC);
CREATE INDEX notification_deliveries_covered_by_idx ON notification_deliveries(covered_by);

CREATE TABLE notification_attempts (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    delivery_id     uuid         NOT NULL REFERENCES notification_deliveries(id) ON DELETE CASCADE,
    at              timestamptz  NOT NULL,
    result          varchar(10)  NOT NULL CHECK (result IN ('delivered', 'retry', 'failed')),
    http_status     integer,
    reply           varchar(500),
    error           varchar(500)
);
CREATE INDEX notification_attempts_delivery_idx ON notification_attempts(delivery_id, at);
CREATE INDEX notification_attempts_organization_idx ON notification_attempts(organization_id);

-- Row-level security as on every tenant table.
ALTER TABLE notification_channels ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_channels
    USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
ALTER TABLE notification_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_deliveries
    USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
ALTER TABLE notification_attempts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_attempts
    USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
