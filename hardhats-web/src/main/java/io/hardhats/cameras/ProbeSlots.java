package io.hardhats.cameras;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hardhats.ingest.ProbeLimits;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Who may run FFmpeg on tenant media in this web instance right now: one probe per organisation
 * and {@link ProbeLimits#concurrent()} in all, so no organisation can queue up decoders and
 * every probe's memory stays within a known multiple. A slot is held until the probe's work
 * has really stopped, not when the request gave up waiting for it. An upload takes its
 * organisation's turn before its body is read and a decoder place once the body is on disk, so a
 * second upload of the organisation is refused before it is received, and a slow client holds no
 * decoder place while it sends.
 */
@Component
public class ProbeSlots {

    /** A held slot; closing it twice releases it once. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final ProbeLimits limits;
    private final Semaphore running;
    private final Set<UUID> busyOrganizations = ConcurrentHashMap.newKeySet();

    public ProbeSlots(ProbeLimits limits) {
        this.limits = limits;
        this.running = new Semaphore(limits.concurrent());
    }

    /** @throws ApiException 429 with Retry-After when the organisation or the instance is busy */
    public Slot acquire(UUID organizationId) {
        return start(reserve(organizationId));
    }

    /**
     * The organisation's turn alone, no decoder place yet; {@link #start} adds one.
     *
     * @throws ApiException 429 with Retry-After when the organisation is busy
     */
    public Slot reserve(UUID organizationId) {
        if (!busyOrganizations.add(organizationId)) {
            throw busy("another connection test or video check of this organisation is running");
        }
        return once(() -> busyOrganizations.remove(organizationId));
    }

    /**
     * A decoder place for a reserved turn; closing the slot frees both. The turn is freed when
     * there is no place.
     *
     * @throws ApiException 429 with Retry-After when the instance is busy
     */
    public Slot start(Slot turn) {
        if (!running.tryAcquire()) {
            turn.close();
            throw busy("the server is checking other videos");
        }
        return once(() -> {
            running.release();
            turn.close();
        });
    }

    private static Slot once(Runnable release) {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        };
    }

    private ApiException busy(String why) {
        return ApiException.tooManyRequests("probe_busy", why + "; retry in "
                + limits.deadline().toSeconds() + " s", limits.deadline());
    }
}
