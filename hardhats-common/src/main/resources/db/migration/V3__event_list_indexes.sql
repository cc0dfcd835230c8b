-- The events list pages by (created_at DESC, id DESC) under the dashboard's filters. Indexes that
-- hold each filter followed by both sort columns let a page read just its own rows; before, a
-- camera + type page over 1 M events walked the organisation's index and filtered 1,500 rows.
DROP INDEX events_camera_created_idx;
CREATE INDEX events_camera_created_idx ON events (camera_id, created_at DESC, id DESC);
CREATE INDEX events_camera_type_created_idx ON events (camera_id, violation_type, created_at DESC, id DESC);
CREATE INDEX events_organization_type_created_idx ON events (organization_id, violation_type, created_at DESC, id DESC);
