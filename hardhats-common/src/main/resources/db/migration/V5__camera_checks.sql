-- The database refuses camera settings the API refuses. The limits are those of
-- io.hardhats.cameras.AnalysisRate, InferenceSize and ConfidenceThreshold; CameraChecksTest
-- compares what each side accepts. The API always held these limits, so rows should already be
-- inside them; any written around it are first moved to the nearest allowed rate or threshold,
-- or to the default size, so the constraints can be added.
UPDATE cameras SET target_fps = least(greatest(target_fps, 0.25), 2.0)
WHERE NOT (target_fps BETWEEN 0.25 AND 2.0);
UPDATE cameras SET confidence_threshold = least(greatest(confidence_threshold, 0.05), 0.95)
WHERE NOT (confidence_threshold BETWEEN 0.05 AND 0.95);
UPDATE cameras SET inference_width = 640
WHERE NOT (inference_width IN (640, 720, 1080, 1280)
           OR (inference_width BETWEEN 320 AND 1920 AND inference_width % 32 = 0));
UPDATE cameras SET inference_height = 640
WHERE NOT (inference_height IN (640, 720, 1080, 1280)
           OR (inference_height BETWEEN 320 AND 1920 AND inference_height % 32 = 0));

ALTER TABLE cameras
    ADD CONSTRAINT cameras_target_fps_check CHECK (target_fps BETWEEN 0.25 AND 2.0),
    ADD CONSTRAINT cameras_confidence_threshold_check CHECK (confidence_threshold BETWEEN 0.05 AND 0.95),
    ADD CONSTRAINT cameras_inference_width_check
        CHECK (inference_width IN (640, 720, 1080, 1280)
               OR (inference_width BETWEEN 320 AND 1920 AND inference_width % 32 = 0)),
    ADD CONSTRAINT cameras_inference_height_check
        CHECK (inference_height IN (640, 720, 1080, 1280)
               OR (inference_height BETWEEN 320 AND 1920 AND inference_height % 32 = 0));
