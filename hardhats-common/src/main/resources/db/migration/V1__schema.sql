-- Hard Hats schema. Every tenant-owned table carries organization_id and is guarded twice:
-- by Hibernate's @TenantId in the application and by row-level security here.

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        varchar(200) NOT NULL,
    slug        varchar(120) NOT NULL UNIQUE,
    plan        varchar(40)  NOT NULL DEFAULT 'standard',
    max_cameras integer      NOT NULL,
    max_users   integer      NOT NULL,
    settings    jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    email           varchar(254) NOT NULL UNIQUE,
    password_hash   varchar(100) NOT NULL,
    full_name       varchar(200) NOT NULL,
    role            varchar(20)  NOT NULL CHECK (role IN ('admin', 'manager', 'operator')),
    is_active       boolean      NOT NULL DEFAULT true,
    last_login      timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX users_organization_idx ON users(organization_id);

CREATE TABLE blobs (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    content_type    varchar(100) NOT NULL,
    size_bytes      bigint       NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX blobs_organization_idx ON blobs(organization_id);

-- Large blobs (placeholder videos) are split so no single row holds hundreds of megabytes.
CREATE TABLE blob_chunks (
    blob_id         uuid    NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
    organization_id uuid    NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    seq             integer NOT NULL,
    data            bytea   NOT NULL,
    PRIMARY KEY (blob_id, seq)
);
CREATE INDEX blob_chunks_organization_idx ON blob_chunks(organization_id);

CREATE TABLE cameras (
    id                    uuid PRIMARY KEY,
    organization_id       uuid          NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name                  varchar(120)  NOT NULL,
    zone                  varchar(120),
    source_type           varchar(10)   NOT NULL CHECK (source_type IN ('rtsp', 'file')),
    rtsp_url              varchar(2048),
    credentials_encrypted text,
    placeholder_video     uuid REFERENCES blobs(id) ON DELETE SET NULL,
    use_placeholder       boolean       NOT NULL DEFAULT false,
    inference_width       integer       NOT NULL DEFAULT 640,
    inference_height      integer       NOT NULL DEFAULT 640,
    target_fps            double precision NOT NULL DEFAULT 0.5,
    position_x            double precision,
    position_y            double precision,
    detection_mode        varchar(20)   NOT NULL DEFAULT 'ppe' CHECK (detection_mode IN ('ppe', 'zone', 'ppe+zone')),
    zone_polygon          jsonb,
    confidence_threshold  double precision NOT NULL DEFAULT 0.5,
    is_active             boolean       NOT NULL DEFAULT true,
    status                varchar(20)   NOT NULL DEFAULT 'offline'
                          CHECK (status IN ('online', 'connecting', 'error', 'placeholder', 'offline')),
    last_seen             timestamptz,
    error_message         varchar(500),
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX cameras_organization_idx ON cameras(organization_id);

CREATE TABLE events (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    camera_id       uuid         NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    event_type      varchar(20)  NOT NULL DEFAULT 'violation',
    violation_type  varchar(20)  NOT NULL CHECK (violation_type IN ('no_hardhat', 'no_vest', 'zone_breach')),
    severity        varchar(10)  NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    confidence      double precision NOT NULL,
    bbox_x          double precision NOT NULL,
    bbox_y          double precision NOT NULL,
    bbox_w          double precision NOT NULL,
    bbox_h          double precision NOT NULL,
    thumbnail_path  varchar(200),
    acknowledged    boolean      NOT NULL DEFAULT false,
    acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
    acknowledged_at timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX events_organization_created_idx ON events(organization_id, created_at DESC, id DESC);
CREATE INDEX events_camera_created_idx ON events(camera_id, created_at DESC);

CREATE TABLE daily_stats (
    id                uuid PRIMARY KEY,
    organization_id   uuid    NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    camera_id         uuid    NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    date              date    NOT NULL,
    total_violations  integer NOT NULL DEFAULT 0,
    no_hardhat_count  integer NOT NULL DEFAULT 0,
    no_vest_count     integer NOT NULL DEFAULT 0,
    zone_breach_count integer NOT NULL DEFAULT 0,
    frames_processed  bigint  NOT NULL DEFAULT 0,
    UNIQUE (camera_id, date)
);
CREATE INDEX daily_stats_organization_date_idx ON daily_stats(organization_id, date);

CREATE TABLE audit_logs (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id         uuid REFERENCES users(id) ON DELETE SET NULL,
    action          varchar(60)  NOT NULL,
    resource_type   varchar(40),
    resource_id     varchar(64),
    details         jsonb        NOT NULL DEFAULT '{}'::jsonb,
    ip_address      varchar(64),
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_organization_created_idx ON audit_logs(organization_id, created_at DESC, id DESC);

CREATE TABLE password_reset_tokens (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash      varchar(128) NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX password_reset_tokens_organization_idx ON password_reset_tokens(organization_id);

CREATE TABLE workers (
    id           uuid PRIMARY KEY,
    hostname     varchar(255) NOT NULL,
    capacity     integer      NOT NULL,
    heartbeat_at timestamptz  NOT NULL DEFAULT now(),
    started_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE camera_leases (
    camera_id       uuid PRIMARY KEY REFERENCES cameras(id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    worker_id       uuid        NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX camera_leases_worker_idx ON camera_leases(worker_id);
CREATE INDEX camera_leases_organization_idx ON camera_leases(organization_id);

-- Logged-out sessions: a token's jti stays revoked until the token would have expired anyway.
CREATE TABLE revoked_tokens (
    jti        varchar(64) PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expires_idx ON revoked_tokens(expires_at);

-- Row-level security. Every pooled connection works as the role hardhats_app, which owns no
-- table and does not bypass RLS; each tenant transaction sets app.current_org (transaction-local).
-- With no org set, no tenant row is visible. Only the few cross-tenant operations (login lookup,
-- worker leases) step back to the table owner for one transaction.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hardhats_app') THEN
        CREATE ROLE hardhats_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;
GRANT hardhats_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO hardhats_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hardhats_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hardhats_app;

CREATE FUNCTION app_current_org() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.current_org', true), '')::uuid $$;

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations USING (id = app_current_org()) WITH CHECK (id = app_current_org());

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'blobs', 'blob_chunks', 'cameras', 'events', 'daily_stats',
                             'audit_logs', 'password_reset_tokens', 'camera_leases']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org()) '
                       'WITH CHECK (organization_id = app_current_org())', t);
    END LOOP;
END
$$;
