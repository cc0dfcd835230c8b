package io.hardhats.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.notifications.DeliveryView.AttemptView;
import io.hardhats.persistence.WireValue;
import io.hardhats.web.ApiException;
import io.hardhats.web.Cursor;
import io.hardhats.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's deliveries, newest first with keyset paging like events, and each one's attempts. */
@Service
public class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<DeliveryView> list(UUID channelId, DeliveryStatus status, Cursor cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT d.id, d.channel_id, c.name, c.kind, d.event_id, d.purpose, d.status, d.attempts,
                    d.next_attempt_at, d.created_at, d.delivered_at, d.covered_by,
                    a.at, a.result, a.http_status, a.reply, a.error
                FROM notification_deliveries d
                JOIN notification_channels c ON c.id = d.channel_id
                LEFT JOIN LATERAL (SELECT * FROM notification_attempts x WHERE x.delivery_id = d.id
                    ORDER BY x.at DESC LIMIT 1) a ON true
                WHERE true
                """);
        List<Object> params = new ArrayList<>();
        if (channelId != null) {
            sql.append(" AND d.channel_id = ?");
            params.add(channelId);
        }
        if (status != null) {
            sql.append(" AND d.status = ?");
            params.add(status.wire());
        }
        if (cursor != null) {
            sql.append(" AND (d.created_at, d.id) < (?, ?)");
            params.add(Timestamp.from(cursor.createdAt()));
            params.add(cursor.id());
        }
        sql.append(" ORDER BY d.created_at DESC, d.id DESC LIMIT ?");
        params.add(limit + 1);
        List<DeliveryView> rows = jdbc.sql(sql.toString()).params(params).query(DeliveryLog::delivery).list();
        boolean more = rows.size() > limit;
        List<DeliveryView> page = more ? rows.subList(0, limit) : rows;
        DeliveryView last = more ? page.get(limit - 1) : null;
        return new Page<>(page, last == null ? null : new Cursor(last.createdAt(), last.id()).encode());
    }

    @Transactional(readOnly = true)
    public List<AttemptView> attempts(UUID deliveryId) {
        boolean known = jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE id = ?").param(deliveryId)
                .query(Long.class).single() == 1;
        if (!known) {
            throw ApiException.notFound("notification delivery");
        }
        return jdbc.sql("""
                SELECT at, result, http_status, reply, error FROM notification_attempts WHERE delivery_id = ?
                ORDER BY at
                """).param(deliveryId).query((rs, row) -> attempt(rs)).list();
    }

    private static DeliveryView delivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("channel_id", UUID.class),
                rs.getString("name"), WireValue.parse(ChannelKind.class, rs.getString("kind")),
                rs.getObject("event_id", UUID.class), WireValue.parse(DeliveryPurpose.class, rs.getString("purpose")),
                WireValue.parse(DeliveryStatus.class, rs.getString("status")), rs.getInt("attempts"),
                pendingTime(rs), instant(rs, "created_at"), instant(rs, "delivered_at"),
                rs.getObject("covered_by", UUID.class), rs.getTimestamp("at") == null ? null : attempt(rs));
    }

    /** When the next attempt is due; null once nothing more will be tried. */
    private static Instant pendingTime(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return status.equals("pending") || status.equals("retrying") ? instant(rs, "next_attempt_at") : null;
    }

    private static AttemptView attempt(ResultSet rs) throws SQLException {
        Integer httpStatus = rs.getObject("http_status", Integer.class);
        return new AttemptView(instant(rs, "at"), rs.getString("result"), httpStatus, rs.getString("reply"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
