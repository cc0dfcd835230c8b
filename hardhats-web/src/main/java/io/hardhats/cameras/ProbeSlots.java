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
 * has really stopped, not when the request gave up waiting for it.
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
        if (!busyOrganizations.add(organizationId)) {
            throw busy("another connection test or video check of this organisation is running");
        }
        if (!running.tryAcquire()) {
            busyOrganizations.remove(organizationId);
            throw busy("the server is checking other videos");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                running.release();
                busyOrganizations.remove(organizationId);
            }
        };
    }

    private ApiException busy(String why) {
        return ApiException.tooManyRequests("probe_busy", why + "; retry in "
                + limits.deadline().toSeconds() + " s", limits.deadline());
    }
}
