package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.hardhats.bus.LiveMessage;
import io.hardhats.cameras.CameraStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SseMessagesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SseMessages messages = new SseMessages(json);

    @Test
    void aBusMessageIsParsedAndRenderedOnceForAllItsClients() {
        String text = LiveMessage.cameraStatus(new LiveMessage.CameraStatusChange(UUID.randomUUID(),
                CameraStatus.ERROR, "unreachable", null, false), json).toJson(json);
        SseClient.Item first = messages.render(text).orElseThrow();
        for (int client = 0; client < 5_000; client++) {
            assertThat(messages.render(text)).containsSame(first);
        }
        // An equal text arriving as another string (another delivery of the same message) renders equally.
        assertThat(messages.render(new String(text.toCharArray()))).containsSame(first);
        assertThat(messages.renderCount()).isEqualTo(1);

        String rendered = new String((byte[]) first.payload().iterator().next().getData(), StandardCharsets.UTF_8);
        assertThat(rendered).startsWith("event:camera_status\ndata:{").contains("\"status\":\"error\"")
                .endsWith("}\n\n");
        assertThat(first.id()).isNull();
    }

    @Test
    void anUnreadableMessageIsSkippedAndReadOnce() {
        assertThat(messages.render("not json")).isEmpty();
        assertThat(messages.render("not json")).isEmpty();
        assertThat(messages.renderCount()).isEqualTo(1);
    }
}
