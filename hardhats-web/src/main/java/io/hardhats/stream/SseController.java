package io.hardhats.stream;

import java.util.List;
import java.util.UUID;

import io.hardhats.session.SessionPrincipal;
import io.hardhats.bus.LiveBus;
import io.hardhats.events.EventService;
import io.hardhats.web.ApiException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation's live violations and camera status changes as Server-Sent Events. A
 * reconnecting browser sends Last-Event-ID and first receives what it missed (up to 500 events)
 * from PostgreSQL. Each stream listens on the bus itself (which holds one subscription per
 * organisation per instance); a message is rendered once and the same item is queued to every
 * stream.
 */
@RestController
public class SseController extends OpenStreams<SseClient> {

    static final int MAX_REPLAY = 500;

    private final LiveBus bus;
    private final EventService events;
    private final TaskExecutor executor;
    private final SseMessages messages;

    SseController(LiveBus bus, EventService events,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, JsonMapper json, StreamQuota quota) {
        super(quota);
        this.bus = bus;
        this.events = events;
        this.executor = executor;
        this.messages = new SseMessages(json);
    }

    @GetMapping(path = "/api/sse/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@AuthenticationPrincipal SessionPrincipal principal,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventHeader,
            @RequestParam(name = "last_event_id", required = false) String lastEventParam) {
        UUID lastEventId = parseEventId(lastEventHeader != null ? lastEventHeader : lastEventParam);
        SseEmitter emitter = new SseEmitter(0L);
        SseClient client = new SseClient(emitter, executor);
        opened(client, principal);
        LiveBus.Subscription membership;
        try {
            membership = bus.subscribeMessages(principal.organizationId(),
                    text -> messages.render(text).ifPresent(client::send));
        } catch (RuntimeException e) {
            closed(client);
            throw e;
        }
        Runnable leave = () -> {
            client.markClosed();
            closed(client);
            membership.close();
        };
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(error -> leave.run());
        client.send(SseClient.Item.READY);
        List<SseClient.Item> replay;
        try {
            replay = lastEventId == null ? List.of()
                    : events.after(lastEventId, MAX_REPLAY).stream().map(messages::replay).toList();
        } catch (RuntimeException e) {
            // The emitter never reaches the browser, so none of its callbacks will run.
            leave.run();
            throw e;
        }
        client.releaseAfter(replay);
        return emitter;
    }

    /** Comments every 15 s keep proxies from closing idle streams and reveal departed browsers. */
    @Scheduled(fixedRateString = "${hardhats.sse-heartbeat-ms:15000}", initialDelayString = "${hardhats.sse-heartbeat-ms:15000}")
    void heartbeat() {
        forEachOpen(client -> client.send(SseClient.Item.HEARTBEAT));
    }

    /** How many distinct bus messages this instance has rendered for its streams. */
    long renderedMessages() {
        return messages.renderCount();
    }

    @Override
    protected void end(SseClient client) {
        client.complete();
    }

    private static UUID parseEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid value for 'Last-Event-ID'");
        }
    }
}
