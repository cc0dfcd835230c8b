package io.hardhats.cameras;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hardhats.persistence.WireValue;
import io.hardhats.tenancy.SystemTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads one camera's configuration for a worker, across tenants: a worker serves cameras of every
 * organisation. Only ids of cameras the worker was told to run should come here.
 *
 * <p>The columns a worker depends on are listed once, in two groups, and both the read and the
 * change detection's fingerprints are built from them: a change to a {@link #SOURCE_COLUMNS source}
 * column needs the stream reopened, one to an {@link #ANALYSIS_COLUMNS analysis} column is applied to
 * the running camera (the name included: the live frame's overlay shows it). The organisation's
 * privacy mode belongs to the analysis too: turning it on or off reaches the running camera without
 * reconnecting it. Every other column (zone label, position, status the worker writes itself)
 * changes neither fingerprint.
 */
public class CameraConfigReader {

    /** What the ingest opens and how it decodes: a change reconnects the camera. */
    public static final List<String> SOURCE_COLUMNS = List.of("source_type", "rtsp_url", "credentials_encrypted",
            "placeholder_video", "use_placeholder", "inference_width", "inference_height", "target_fps");

    /** What the analysis and the overlay of each frame use: a change applies to the running camera. */
    public static final List<String> ANALYSIS_COLUMNS = List.of("detection_mode", "zone_polygon",
            "confidence_threshold", "name");

    /** The privacy mode of the organisation owning the camera aliased {@code c}. */
    private static final String PRIVACY_MODE =
            "(SELECT o.privacy_mode FROM organizations o WHERE o.id = c.organization_id)";

    /** SQL hash of the source columns of the camera aliased {@code c}. */
    public static final String SOURCE_FINGERPRINT = fingerprint(qualified(SOURCE_COLUMNS));

    /** SQL hash of the analysis columns of the camera aliased {@code c} and its organisation's privacy mode. */
    public static final String ANALYSIS_FINGERPRINT = fingerprint(
            Stream.concat(qualified(ANALYSIS_COLUMNS).stream(), Stream.of(PRIVACY_MODE)).toList());

    private static final String SELECT = Stream.of(List.of("id", "organization_id", "zone", "is_active", "updated_at"),
                    SOURCE_COLUMNS, ANALYSIS_COLUMNS)
            .flatMap(List::stream)
            .map(column -> "c." + column)
            .collect(Collectors.joining(", ", "SELECT ", ", " + PRIVACY_MODE + " AS privacy_mode"
                    + " FROM cameras c WHERE c.id = :id"));

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;

    public CameraConfigReader(JdbcClient jdbc, SystemTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The camera's configuration, or empty when it was deleted. */
    public Optional<CameraConfig> read(UUID cameraId) {
        return transactions.call(() -> jdbc.sql(SELECT)
                .param("id", cameraId)
                .query(CameraConfigReader::map)
                .optional());
    }

    private static List<String> qualified(List<String> columns) {
        return columns.stream().map(column -> "c." + column).toList();
    }

    private static String fingerprint(List<String> expressions) {
        return expressions.stream().collect(Collectors.joining(", ", "md5(row(", ")::text)"));
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
                rs.getBoolean("privacy_mode"),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
