-- Set by the camera's worker while it streams the camera without a detector model, so the
-- dashboard can say that detection is off (and how to turn it on) in every deployment mode.
ALTER TABLE cameras ADD COLUMN no_detector boolean NOT NULL DEFAULT false;
