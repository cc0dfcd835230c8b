-- The whole annotated frame of the moment a violation fired, kept with its event so a manager
-- sees the scene, not only the crop. Older events have none. A reference, not a path: the blob
-- belongs to the same organisation and row-level security guards it like the thumbnail.
ALTER TABLE events ADD COLUMN frame_blob uuid REFERENCES blobs(id) ON DELETE SET NULL;
