package io.hardhats.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.hardhats.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes deliveries into the outbox of the current organisation, inside the caller's transaction,
 * and wakes every dispatcher when that transaction commits (PostgreSQL delivers a NOTIFY only
 * then, and never for a rollback).
 */
@Component
public class NotificationOutbox {

    /** The PostgreSQL channel dispatchers LISTEN on. */
    public static final String WAKE_CHANNEL = "notification_deliveries";

    /**
     * One delivery to write.
     *
     * @param eventId the violation, for alerts only
     * @param coveredBy the summary that carries a held alert
     * @param due when a dispatcher may first send it
     */
    public record NewDelivery(UUID channelId, UUID eventId, DeliveryPurpose purpose, DeliveryStatus status,
            UUID coveredBy, Instant createdAt, Instant due) {
    }

    private final JdbcClient jdbc;

    public NotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID add(NewDelivery delivery) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification_deliveries (id, organization_id, channel_id, event_id, purpose, status,
                    covered_by, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, TenantContext.requireOrganization(), delivery.channelId(), delivery.eventId(),
                delivery.purpose().wire(), delivery.status().wire(), delivery.coveredBy(),
                Timestamp.from(delivery.due()), Timestamp.from(delivery.createdAt())).update();
        if (delivery.status() == DeliveryStatus.PENDING) {
            jdbc.sql("SELECT pg_notify(?, '')").param(WAKE_CHANNEL).query().listOfRows();
        }
        return id;
    }
}
