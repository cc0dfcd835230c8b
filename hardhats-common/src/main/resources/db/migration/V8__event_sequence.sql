-- A live stream resumes after the last event its client saw. Capture times do not follow the
-- order in which events are recorded (each camera's frame waits its turn for inference), so
-- resuming by capture time replayed events a client had already seen and could skip one recorded
-- while it was away. A sequence drawn when the event is written follows the recording order.
ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX events_organization_seq_idx ON events (organization_id, seq);
