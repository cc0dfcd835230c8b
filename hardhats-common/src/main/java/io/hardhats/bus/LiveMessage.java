package io.hardhats.bus;

import java.time.Instant;
import java.util.UUID;

import io.hardhats.cameras.CameraStatus;
import io.hardhats.events.EventView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON carried on {@code events/{org_id}}: a type, an id for types that can be replayed
 * (violations, whose id is the event's), and the payload the browser receives.
 */
public record LiveMessage(String type, String id, JsonNode data) {

    public static final String VIOLATION = "violation";
    public static final String CAMERA_STATUS = "camera_status";

    /** What a camera's status change tells the dashboard; {@code noDetector}: streamed without detection. */
    public record CameraStatusChange(UUID cameraId, CameraStatus status, String errorMessage, Instant lastSeen,
            boolean noDetector) {
    }

    public static LiveMessage violation(EventView event, JsonMapper json) {
        return new LiveMessage(VIOLATION, event.id().toString(), json.valueToTree(event));
    }

    public static LiveMessage cameraStatus(CameraStatusChange change, JsonMapper json) {
        return new LiveMessage(CAMERA_STATUS, null, json.valueToTree(change));
    }

    public String toJson(JsonMapper json) {
        return json.writeValueAsString(this);
    }

    public static LiveMessage fromJson(String text, JsonMapper json) {
        return json.readValue(text, LiveMessage.class);
    }
}
