package io.hardhats.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Channels as an admin sets them up through the API, and reads of the outbox and its log. */
public class NotificationTestData {

    /** One row of the outbox. */
    public record DeliveryRow(UUID id, UUID eventId, String purpose, String status, UUID coveredBy, int attempts) {
    }

    /** One row of the delivery log. */
    public record AttemptRow(String result, Integer httpStatus, String error) {
    }

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final CredentialCipher cipher;

    public NotificationTestData(JdbcClient jdbc, TenantTransactions transactions, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** A webhook channel with its signing secret, the given filters JSON and storm limit. */
    public UUID webhook(UUID organization, String url, String secret, String filtersJson, int maxAlerts,
            int windowSeconds) {
        return insert(organization, new Channel("webhook", url, true, cipher.encrypt(secret), filtersJson, maxAlerts,
                windowSeconds));
    }

    /** An e-mail channel to the given addresses (separated by commas), with no filter and the default storm limit. */
    public UUID email(UUID organization, String recipients, boolean enabled) {
        return insert(organization, new Channel("email", recipients, enabled, null, "{}", 5, 120));
    }

    private record Channel(String kind, String target, boolean enabled, String secretEncrypted, String filtersJson,
            int maxAlerts, int windowSeconds) {
    }

    private UUID insert(UUID organization, Channel channel) {
        UUID id = UUID.randomUUID();
        transactions.run(organization, () -> jdbc.sql("""
                INSERT INTO notification_channels (id, organization_id, name, kind, enabled, target_encrypted,
                    target_masked, signing_secret_encrypted, filters, storm_max_alerts, storm_window_seconds)
                VALUES (?, ?, 'Site office', ?, ?, ?, '…', ?, ?::jsonb, ?, ?)
                """).params(id, organization, channel.kind(), channel.enabled(), cipher.encrypt(channel.target()),
                channel.secretEncrypted(), channel.filtersJson(), channel.maxAlerts(), channel.windowSeconds())
                .update());
        return id;
    }

    public void timeZone(UUID organization, String zone) {
        transactions.run(organization, () -> jdbc.sql("UPDATE organizations SET time_zone = ?").param(zone).update());
    }

    public List<DeliveryRow> deliveries(UUID organization, UUID channel) {
        return transactions.call(organization, () -> jdbc.sql("""
                SELECT id, event_id, purpose, status, covered_by, attempts FROM notification_deliveries
                WHERE channel_id = ? ORDER BY created_at, purpose
                """).param(channel).query(DeliveryRow.class).list());
    }

    public List<AttemptRow> attempts(UUID organization, UUID delivery) {
        return transactions.call(organization, () -> jdbc.sql("""
                SELECT result, http_status, error FROM notification_attempts WHERE delivery_id = ? ORDER BY at
                """).param(delivery).query(AttemptRow.class).list());
    }

    public Map<String, Long> statuses(UUID organization) {
        return transactions.call(organization, () -> jdbc.sql(
                "SELECT status, count(*) FROM notification_deliveries GROUP BY status")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
