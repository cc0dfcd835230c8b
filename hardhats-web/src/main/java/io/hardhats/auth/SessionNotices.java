package io.hardhats.auth;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import io.hardhats.bus.LiveBus;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.users.UserChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries session changes to every web instance over the live bus, once committed: each instance
 * forgets what it cached about the user or token and ends the open streams (MJPEG, SSE) that the
 * change ends ({@link StreamsToEnd}): all of a sign-in's at logout; a user's whose session no
 * longer holds after deactivation, a password change or a role change.
 */
@Component
public class SessionNotices implements SmartLifecycle {

    /** Ends the open streams whose session matches; {@code OpenStreams} listens. */
    public record StreamsToEnd(Predicate<SessionPrincipal> matches) {
    }

    private static final Logger log = LoggerFactory.getLogger(SessionNotices.class);
    private static final String USER = "user:";
    private static final String TOKEN = "token:";
    private static final String SESSION = "session:";

    private final LiveBus bus;
    private final SessionStates states;
    private final ApplicationEventPublisher events;
    /**
     * Notices arrive on the bus's delivery thread, which also carries every camera's live frames;
     * ending streams reads the user from the database, so that work happens here, in order.
     */
    private final ExecutorService receiver = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "session-notices");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LiveBus.Subscription subscription;

    public SessionNotices(LiveBus bus, SessionStates states, ApplicationEventPublisher events) {
        this.bus = bus;
        this.states = states;
        this.events = events;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void announce(UserChanged change) {
        bus.publishSessionNotice(USER + change.userId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void announce(TokenRevocation.TokenRevoked revocation) {
        bus.publishSessionNotice(TOKEN + revocation.tokenId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void announce(TokenRevocation.SessionEnded ended) {
        bus.publishSessionNotice(SESSION + ended.sessionId());
    }

    void receive(String notice) {
        if (notice.startsWith(USER)) {
            UUID userId = UUID.fromString(notice.substring(USER.length()));
            states.forgetUser(userId);
            events.publishEvent(new StreamsToEnd(session -> session.userId().equals(userId)
                    && !states.stillHolds(session)));
        } else if (notice.startsWith(TOKEN)) {
            states.forgetToken(notice.substring(TOKEN.length()));
        } else if (notice.startsWith(SESSION)) {
            String sessionId = notice.substring(SESSION.length());
            events.publishEvent(new StreamsToEnd(session -> sessionId.equals(session.sessionId())));
        } else {
            log.warn("Ignored an unknown session notice");
        }
    }

    @Override
    public void start() {
        subscription = bus.subscribeSessionNotices(notice -> receiver.execute(() -> receive(notice)));
    }

    @Override
    public void stop() {
        LiveBus.Subscription current = subscription;
        subscription = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
