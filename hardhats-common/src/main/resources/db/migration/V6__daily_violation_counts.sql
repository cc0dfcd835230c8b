-- Daily violation counts become rows of (camera, day, violation type, count) instead of one
-- column per type, so a new violation type needs no new column. daily_stats keeps the frames.
CREATE TABLE daily_violation_counts (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    camera_id       uuid        NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    date            date        NOT NULL,
    violation_type  varchar(20) NOT NULL,
    count           integer     NOT NULL CHECK (count >= 0),
    UNIQUE (camera_id, date, violation_type)
);
CREATE INDEX daily_violation_counts_organization_date_idx ON daily_violation_counts(organization_id, date);

INSERT INTO daily_violation_counts (id, organization_id, camera_id, date, violation_type, count)
SELECT gen_random_uuid(), s.organization_id, s.camera_id, s.date, t.violation_type, t.count
FROM daily_stats s
CROSS JOIN LATERAL (VALUES ('no_hardhat', s.no_hardhat_count),
                           ('no_vest', s.no_vest_count),
                           ('zone_breach', s.zone_breach_count)) AS t(violation_type, count)
WHERE t.count > 0;

ALTER TABLE daily_stats
    DROP COLUMN total_violations,
    DROP COLUMN no_hardhat_count,
    DROP COLUMN no_vest_count,
    DROP COLUMN zone_breach_count;

ALTER TABLE daily_violation_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON daily_violation_counts
    USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
