package io.hardhats.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.organizations.OrganizationRepository;
import io.hardhats.persistence.WireValue;
import io.hardhats.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels of the organisation in scope, in the caller's (tenant) transaction: target and signing
 * secret encrypted on the way in, and only the masked target on the way out.
 */
@Component
record ChannelStore(JdbcClient jdbc, CredentialCipher cipher, JsonMapper json, OrganizationRepository organizations) {

    private static final String SELECT = """
            SELECT c.id, c.name, c.kind, c.enabled, c.target_masked, c.filters::text AS filters, c.storm_max_alerts,
                c.storm_window_seconds, c.created_at, last.status AS last_status, last.at AS last_at
            FROM notification_channels c
            LEFT JOIN LATERAL (
                SELECT d.status, coalesce(d.delivered_at, (SELECT max(a.at) FROM notification_attempts a
                    WHERE a.delivery_id = d.id), d.created_at) AS at
                FROM notification_deliveries d WHERE d.channel_id = c.id
                ORDER BY d.created_at DESC LIMIT 1) last ON true
            """;

    /** A channel's settings as stored, its target in plain text for encryption. */
    record Settings(String name, ChannelKind kind, String target, boolean enabled, ChannelFilters filters,
            StormLimit storm) {
    }

    List<ChannelView> all() {
        return jdbc.sql(SELECT + " ORDER BY c.created_at, c.id").query(this::view).list();
    }

    Optional<ChannelView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(this::view).optional();
    }

    /**
     * The organisation's channels, counted after locking its row (as camera and user creations
     * do), so concurrent creations are counted one after the other.
     */
    long countUnderOrganizationLock() {
        organizations.lockById(TenantContext.requireOrganization()).orElseThrow();
        return jdbc.sql("SELECT count(*) FROM notification_channels").query(Long.class).single();
    }

    UUID insert(Settings channel, String signingSecret) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification_channels (id, organization_id, name, kind, enabled, target_encrypted,
                    target_masked, signing_secret_encrypted, filters, storm_max_alerts, storm_window_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """).params(id, TenantContext.requireOrganization(), channel.name(), channel.kind().wire(),
                channel.enabled(), cipher.encrypt(channel.target()), TargetMask.of(channel.kind(), channel.target()),
                signingSecret == null ? null : cipher.encrypt(signingSecret), json.writeValueAsString(channel.filters()),
                channel.storm().maxAlerts(), channel.storm().windowSeconds()).update();
        return id;
    }

    /** @param target the new target, or null to keep the stored one */
    void update(UUID id, Settings channel, String target) {
        jdbc.sql("""
                UPDATE notification_channels SET name = ?, enabled = ?, filters = ?::jsonb, storm_max_alerts = ?,
                    storm_window_seconds = ?,
                    target_encrypted = coalesce(?, target_encrypted), target_masked = coalesce(?, target_masked)
                WHERE id = ?
                """).params(channel.name(), channel.enabled(), json.writeValueAsString(channel.filters()),
                channel.storm().maxAlerts(), channel.storm().windowSeconds(),
                target == null ? null : cipher.encrypt(target),
                target == null ? null : TargetMask.of(channel.kind(), target), id).update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM notification_channels WHERE id = ?").param(id).update() == 1;
    }

    private ChannelView view(ResultSet rs, int row) throws SQLException {
        String lastStatus = rs.getString("last_status");
        return new ChannelView(rs.getObject("id", UUID.class), rs.getString("name"),
                WireValue.parse(ChannelKind.class, rs.getString("kind")), rs.getBoolean("enabled"),
                rs.getString("target_masked"), json.readValue(rs.getString("filters"), ChannelFilters.class),
                new StormLimit(rs.getInt("storm_max_alerts"), rs.getInt("storm_window_seconds")),
                rs.getTimestamp("created_at").toInstant(),
                lastStatus == null ? null : new ChannelView.LastDelivery(
                        WireValue.parse(DeliveryStatus.class, lastStatus), rs.getTimestamp("last_at").toInstant()),
                null);
    }
}
