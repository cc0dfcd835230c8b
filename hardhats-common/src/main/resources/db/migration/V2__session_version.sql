-- Ends all of a user's sessions at once (a password change): each session token carries the
-- version current when it was issued, and only tokens of the user's current version are accepted.
ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0;
