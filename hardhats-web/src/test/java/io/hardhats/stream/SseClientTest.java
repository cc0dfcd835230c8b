package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class SseClientTest {

    /** Records what the stream would write, in order. */
    private static final class RecordingEmitter extends SseEmitter {
        final List<Set<ResponseBodyEmitter.DataWithMediaType>> sent = new ArrayList<>();
        boolean completed;

        @Override
        public synchronized void send(Set<ResponseBodyEmitter.DataWithMediaType> items) {
            sent.add(items);
        }

        @Override
        public synchronized void complete() {
            completed = true;
        }

        List<String> texts() {
            return sent.stream().map(items -> {
                StringBuilder text = new StringBuilder();
                items.forEach(item -> text.append(new String((byte[]) item.getData(), StandardCharsets.UTF_8)));
                return text.toString();
            }).toList();
        }
    }

    @Test
    void anItemIsRenderedOnceAndTheSameBytesGoToEveryClient() {
        SseClient.Item item = SseClient.Item.event("violation", "e1", "{\"a\":1}");
        List<RecordingEmitter> emitters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordingEmitter emitter = new RecordingEmitter();
            SseClient client = new SseClient(emitter, Runnable::run);
            client.releaseAfter(List.of());
            client.send(item);
            emitters.add(emitter);
        }
        for (RecordingEmitter emitter : emitters) {
            assertThat(emitter.sent).hasSize(1);
            assertThat(emitter.sent.get(0)).isSameAs(item.payload());
            assertThat(emitter.texts()).containsExactly("event:violation\nid:e1\ndata:{\"a\":1}\n\n");
        }
    }

    @Test
    void rendersServerSentEventsText() {
        assertThat(text(SseClient.Item.event("camera_status", null, "{\"status\":\"error\"}")))
                .isEqualTo("event:camera_status\ndata:{\"status\":\"error\"}\n\n");
        assertThat(text(SseClient.Item.event("x", null, "line one\r\nline two\nthree")))
                .isEqualTo("event:x\ndata:line one\ndata:line two\ndata:three\n\n");
        assertThat(text(SseClient.Item.HEARTBEAT)).isEqualTo(":heartbeat\n\n");
        assertThatThrownBy(() -> SseClient.Item.event("violation\nid:forged", null, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replayComesFirstAndLiveItemsItCoversAreDropped() {
        RecordingEmitter emitter = new RecordingEmitter();
        SseClient client = new SseClient(emitter, Runnable::run);
        SseClient.Item first = SseClient.Item.event("violation", "e1", "{}");
        SseClient.Item second = SseClient.Item.event("violation", "e2", "{}");
        SseClient.Item third = SseClient.Item.event("violation", "e3", "{}");
        client.send(second);
        client.send(third);
        client.send(SseClient.Item.HEARTBEAT);
        assertThat(emitter.sent).as("held while the replay is read").isEmpty();

        client.releaseAfter(List.of(first, SseClient.Item.event("violation", "e2", "{}")));
        assertThat(emitter.texts()).extracting(text -> text.lines().filter(line -> line.startsWith("id:")).findFirst()
                .orElse("comment")).containsExactly("id:e1", "id:e2", "id:e3", "comment");
    }

    @Test
    void aClientThatFallsFarBehindIsDisconnected() {
        RecordingEmitter emitter = new RecordingEmitter();
        List<Runnable> pending = new ArrayList<>();
        SseClient client = new SseClient(emitter, pending::add);
        client.releaseAfter(List.of());
        SseClient.Item item = SseClient.Item.event("camera_status", null, "{}");
        for (int i = 0; i < SseClient.MAX_QUEUED; i++) {
            client.send(item);
        }
        assertThat(emitter.completed).isFalse();
        client.send(item);
        assertThat(emitter.completed).isTrue();

        pending.forEach(Runnable::run);
        client.send(item);
        assertThat(emitter.sent).as("nothing is written once disconnected").isEmpty();
    }

    private static String text(SseClient.Item item) {
        RecordingEmitter emitter = new RecordingEmitter();
        SseClient client = new SseClient(emitter, Runnable::run);
        client.releaseAfter(List.of());
        client.send(item);
        return emitter.texts().get(0);
    }
}
