-- Retention and storage limits per organisation. NULL follows the service's plan defaults
-- (hardhats.retention.default-days, hardhats.storage.default-limit), so changing a default
-- reaches every organisation that never chose its own value.
ALTER TABLE organizations ADD COLUMN retention_days integer CHECK (retention_days > 0);
ALTER TABLE organizations ADD COLUMN max_storage_bytes bigint CHECK (max_storage_bytes >= 0);

-- What an event's blob is to it: the name of the events column that references it (NULL for
-- blobs no event references, such as placeholder videos). Storage used per kind is then an
-- index-only sum over the organisation's blobs instead of a join through every event.
ALTER TABLE blobs ADD COLUMN kind varchar(40);
CREATE INDEX blobs_organization_kind_idx ON blobs (organization_id, kind) INCLUDE (size_bytes);
DROP INDEX blobs_organization_idx;

-- The arguments are the events columns that reference blobs; io.hardhats.events.EventBlob lists
-- the same columns (EventBlobColumnsTest compares them). Column values are read through jsonb so
-- the function itself names no column.
CREATE FUNCTION mark_event_blobs() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    referencing text;
    blob uuid;
BEGIN
    FOREACH referencing IN ARRAY TG_ARGV LOOP
        blob := (to_jsonb(NEW) ->> referencing)::uuid;
        IF blob IS NOT NULL THEN
            UPDATE blobs SET kind = referencing WHERE id = blob AND kind IS DISTINCT FROM referencing;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_mark_blobs AFTER INSERT OR UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION mark_event_blobs('thumbnail_path', 'frame_blob', 'clip_blob');

UPDATE blobs SET kind = 'thumbnail_path' WHERE id IN (SELECT thumbnail_path::uuid FROM events);
UPDATE blobs SET kind = 'frame_blob' WHERE id IN (SELECT frame_blob FROM events);
UPDATE blobs SET kind = 'clip_blob' WHERE id IN (SELECT clip_blob FROM events);

-- Retention needs no new index: it walks an organisation's oldest events through
-- events_organization_created_idx.
