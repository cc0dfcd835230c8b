package io.hardhats.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears PostgreSQL's NOTIFY on {@link NotificationOutbox#WAKE_CHANNEL}, which a transaction that
 * added deliveries sends as it commits (from any web or worker instance), and wakes the
 * dispatcher, so an alert goes out within moments of its violation rather than at the next poll.
 * Holds one connection of the pool while it runs; without it the dispatcher still polls.
 */
class DeliveryWakeups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWakeups.class);

    private final DataSource dataSource;
    private final DeliveryDispatcher dispatcher;
    private final int waitMillis;
    private final Thread thread;
    private volatile boolean running = true;

    DeliveryWakeups(DataSource dataSource, DeliveryDispatcher dispatcher, int waitMillis) {
        this.dataSource = dataSource;
        this.dispatcher = dispatcher;
        this.waitMillis = waitMillis;
        this.thread = new Thread(this::run, "notification-wakeups");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + NotificationOutbox.WAKE_CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(waitMillis);
                    if (notifications != null && notifications.length > 0) {
                        dispatcher.wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.debug("Listening for new deliveries paused: {}", e.getMessage());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(waitMillis));
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
