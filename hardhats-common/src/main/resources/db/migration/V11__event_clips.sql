-- The evidence clip of a violation: the seconds around it, stored as a blob of the event's
-- organisation (row-level security guards it like the frame), and how it was made: the camera's
-- own video copied without decoding, or the analysed frames encoded once.
ALTER TABLE events ADD COLUMN clip_blob uuid REFERENCES blobs(id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN clip_kind varchar(20)
    CHECK (clip_kind IN ('stream_copy', 'analysed_frames'));
