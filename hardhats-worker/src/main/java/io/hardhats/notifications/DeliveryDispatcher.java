package io.hardhats.notifications;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims due deliveries (as many as it has free senders), sends each
 * outside any transaction, and records the attempt. It runs when woken (a commit that added
 * deliveries, a sender that finished) and at least every poll interval, which also brings retries
 * and storm summaries when they fall due. Any number of dispatchers may share one database.
 */
public class DeliveryDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryQueue queue;
    private final Courier courier;
    private final Clock clock;
    private final NotificationSettings.Dispatch settings;
    private final Semaphore freeSenders;
    private final Semaphore wakeups = new Semaphore(0);
    private final ExecutorService sending;
    private final Thread loop;
    private volatile boolean running = true;

    DeliveryDispatcher(DeliveryQueue queue, Courier courier, Clock clock, NotificationSettings.Dispatch settings) {
        this.queue = queue;
        this.courier = courier;
        this.clock = clock;
        this.settings = settings;
        this.freeSenders = new Semaphore(settings.concurrency());
        AtomicInteger senders = new AtomicInteger();
        this.sending = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "notification-sender-" + senders.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(this::run, "notification-dispatcher");
        this.loop.setDaemon(true);
    }

    public void start() {
        loop.start();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                int claimed = dispatchDue();
                if (claimed == 0 || freeSenders.availablePermits() == 0) {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be restarting; the outbox keeps everything until it is back.
                log.warn("Notification dispatch paused: {}", e.getClass().getSimpleName());
                sleepQuietly();
            }
        }
    }

    /** Claims and starts sending what is due, up to the free senders; answers how many it claimed. */
    private int dispatchDue() {
        int free = freeSenders.drainPermits();
        if (free == 0) {
            return 0;
        }
        List<ClaimedDelivery> claimed;
        try {
            claimed = queue.claim(clock.instant(), free);
        } finally {
            // Senders not needed now go back at once; each started one returns its own when done.
            freeSenders.release(free);
        }
        for (ClaimedDelivery delivery : claimed) {
            freeSenders.acquireUninterruptibly();
            sending.execute(() -> {
                try {
                    send(delivery);
                } finally {
                    freeSenders.release();
                    wake();
                }
            });
        }
        return claimed.size();
    }

    private void send(ClaimedDelivery delivery) {
        DeliveryAttempt attempt;
        try {
            attempt = courier.deliver(delivery);
        } catch (RuntimeException e) {
            attempt = new DeliveryAttempt(DeliveryAttempt.Result.RETRY, null, null,
                    "the message could not be prepared (" + e.getClass().getSimpleName() + ")");
        }
        try {
            DeliveryStatus status = queue.record(delivery, attempt, clock.instant());
            if (status != DeliveryStatus.DELIVERED) {
                log.info("Delivery {} to channel {}: {} after attempt {}: {}", delivery.id(), delivery.channelId(),
                        status.wire(), delivery.attempts(), attempt.error());
            }
        } catch (RuntimeException e) {
            // The claim's lease runs out and the delivery is sent again: receivers dedupe by its key.
            log.warn("Delivery {}: the outcome of attempt {} could not be recorded ({})", delivery.id(),
                    delivery.attempts(), e.getClass().getSimpleName());
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops claiming, and lets the deliveries being sent finish and be recorded. */
    @Override
    public void close() {
        running = false;
        loop.interrupt();
        sending.shutdown();
        try {
            if (!sending.awaitTermination(settings.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                sending.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
