-- Events share blobs: one frame for the violations of one moment, one clip for violations close
-- together. A blob goes only once no event references it, which is looked up by blob.
CREATE INDEX events_thumbnail_blob_idx ON events (thumbnail_path) WHERE thumbnail_path IS NOT NULL;
CREATE INDEX events_frame_blob_idx ON events (frame_blob) WHERE frame_blob IS NOT NULL;
CREATE INDEX events_clip_blob_idx ON events (clip_blob) WHERE clip_blob IS NOT NULL;

-- What each organisation stores, kept current by the trigger below whenever a blob is written,
-- sized or removed. The storage limit is checked against this one row, which the clip writer
-- locks with a conditional update in the transaction that stores the clip: concurrent writers of
-- one organisation then pass the check one after another and never exceed the limit together.
CREATE TABLE storage_usage (
    organization_id uuid   PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    bytes           bigint NOT NULL DEFAULT 0
);
ALTER TABLE storage_usage ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON storage_usage USING (organization_id = app_current_org())
    WITH CHECK (organization_id = app_current_org());

CREATE FUNCTION count_blob_bytes() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    delta bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE storage_usage SET bytes = bytes - OLD.size_bytes WHERE organization_id = OLD.organization_id;
        RETURN NULL;
    END IF;
    delta := NEW.size_bytes;
    IF TG_OP = 'UPDATE' THEN
        delta := NEW.size_bytes - OLD.size_bytes;
    END IF;
    INSERT INTO storage_usage AS usage (organization_id, bytes) VALUES (NEW.organization_id, delta)
        ON CONFLICT (organization_id) DO UPDATE SET bytes = usage.bytes + EXCLUDED.bytes;
    RETURN NULL;
END
$$;
CREATE TRIGGER blobs_count_bytes AFTER INSERT OR DELETE OR UPDATE OF size_bytes ON blobs
    FOR EACH ROW EXECUTE FUNCTION count_blob_bytes();

INSERT INTO storage_usage (organization_id, bytes)
SELECT o.id, coalesce((SELECT sum(b.size_bytes) FROM blobs b WHERE b.organization_id = o.id), 0)
FROM organizations o;
