package io.hardhats.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.cameras.DetectionMode;
import io.hardhats.cameras.SourceType;
import io.hardhats.persistence.WireValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads one camera's configuration for the pipeline, across tenants: a worker serves cameras of
 * every organisation. Only ids of cameras this worker was told to start should come here.
 */
public class CameraConfigReader {

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;

    public CameraConfigReader(JdbcClient jdbc, SystemTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The camera's configuration, or empty when it was deleted. */
    public Optional<CameraConfig> read(UUID cameraId) {
        return transactions.call(() -> jdbc.sql("""
                SELECT id, organization_id, name, zone, source_type, rtsp_url, credentials_encrypted,
                       placeholder_video, use_placeholder, inference_width, inference_height, target_fps,
                       detection_mode, zone_polygon::text AS zone_polygon, confidence_threshold, is_active, updated_at
                FROM cameras WHERE id = :id
                """)
                .param("id", cameraId)
                .query(CameraConfigReader::map)
                .optional());
    }

    private static CameraConfig map(ResultSet rs, int row) throws SQLException {
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        return new CameraConfig(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("zone"),
                WireValue.parse(SourceType.class, rs.getString("source_type")),
                rs.getString("rtsp_url"),
                rs.getString("credentials_encrypted"),
                rs.getObject("placeholder_video", UUID.class),
                rs.getBoolean("use_placeholder"),
                rs.getInt("inference_width"),
                rs.getInt("inference_height"),
                rs.getDouble("target_fps"),
                WireValue.parse(DetectionMode.class, rs.getString("detection_mode")),
                rs.getString("zone_polygon"),
                rs.getDouble("confidence_threshold"),
                rs.getBoolean("is_active"),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
