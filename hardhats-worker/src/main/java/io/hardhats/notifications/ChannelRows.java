package io.hardhats.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.persistence.WireValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads the channels and the time zone of the organisation in scope, inside the caller's transaction. */
@Component
record ChannelRows(JdbcClient jdbc, JsonMapper json) {

    private static final String COLUMNS = """
            SELECT id, kind, enabled, target_encrypted, signing_secret_encrypted, filters::text AS filters,
                storm_max_alerts, storm_window_seconds FROM notification_channels
            """;

    List<ChannelRow> enabled() {
        return jdbc.sql(COLUMNS + " WHERE enabled").query(this::row).list();
    }

    Optional<ChannelRow> find(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(this::row).optional();
    }

    /**
     * Takes the channel's storm lock until the transaction ends, so concurrent violations count
     * each other's alerts. Weaker than FOR UPDATE: inserting a delivery that refers to the
     * channel does not wait for it.
     */
    void lockForStormCount(UUID channelId) {
        jdbc.sql("SELECT 1 FROM notification_channels WHERE id = ? FOR NO KEY UPDATE").param(channelId)
                .query().listOfRows();
    }

    ZoneId zone() {
        return ZoneId.of(jdbc.sql("SELECT time_zone FROM organizations").query(String.class).single());
    }

    private ChannelRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new ChannelRow(rs.getObject("id", UUID.class), WireValue.parse(ChannelKind.class, rs.getString("kind")),
                rs.getBoolean("enabled"), rs.getString("target_encrypted"), rs.getString("signing_secret_encrypted"),
                json.readValue(rs.getString("filters"), ChannelFilters.class),
                new StormLimit(rs.getInt("storm_max_alerts"), rs.getInt("storm_window_seconds")));
    }
}
