package io.hardhats.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.hardhats.cameras.CameraConfigReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of camera leases. Call inside {@link io.hardhats.tenancy.SystemTransactions}: leases span tenants, and
 * under the application role row-level security hides every camera.
 */
public class CameraLeaseRepository {

    /** Both fingerprints of the camera aliased {@code c}, as the columns {@code source} and {@code analysis}. */
    private static final String FINGERPRINTS = CameraConfigReader.SOURCE_FINGERPRINT + " AS source, "
            + CameraConfigReader.ANALYSIS_FINGERPRINT + " AS analysis";

    /** A camera this worker holds a lease on, with what change detection compares. */
    public record LeasedCamera(UUID cameraId, ConfigFingerprint fingerprint, boolean active) {
    }

    private final JdbcClient jdbc;

    public CameraLeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} active cameras that nobody holds (or whose lease expired). The
     * camera rows are locked with SKIP LOCKED so concurrent claimers pick different cameras
     * instead of queueing; the upsert only replaces an expired lease, so even a claimer that read
     * a stale view can never take a camera another worker still holds.
     */
    public List<LeasedCamera> claim(UUID workerId, int limit, Duration ttl) {
        if (limit <= 0) {
            return List.of();
        }
        record Candidate(UUID id, UUID organizationId, ConfigFingerprint fingerprint) {
        }
        List<Candidate> candidates = jdbc.sql("""
                SELECT c.id, c.organization_id, %s
                FROM cameras c LEFT JOIN camera_leases l ON l.camera_id = c.id
                WHERE c.is_active AND (l.camera_id IS NULL OR l.expires_at < now())
                ORDER BY c.created_at, c.id
                LIMIT :limit
                FOR UPDATE OF c SKIP LOCKED
                """.formatted(FINGERPRINTS))
                .param("limit", limit)
                .query((rs, row) -> new Candidate(rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class), fingerprint(rs)))
                .list();
        List<LeasedCamera> claimed = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean ours = !jdbc.sql("""
                    INSERT INTO camera_leases (camera_id, organization_id, worker_id, expires_at)
                    VALUES (:camera, :organization, :worker, now() + :ttl * interval '1 millisecond')
                    ON CONFLICT (camera_id) DO UPDATE
                        SET worker_id = EXCLUDED.worker_id, expires_at = EXCLUDED.expires_at
                        WHERE camera_leases.expires_at < now()
                    RETURNING camera_id
                    """)
                    .param("camera", candidate.id())
                    .param("organization", candidate.organizationId())
                    .param("worker", workerId)
                    .param("ttl", ttl.toMillis())
                    .query((rs, row) -> rs.getObject(1, UUID.class))
                    .list().isEmpty();
            if (ours) {
                claimed.add(new LeasedCamera(candidate.id(), candidate.fingerprint(), true));
            }
        }
        return claimed;
    }

    /**
     * Extends every lease the worker still holds and answers which those are. A row with this
     * worker's id is this worker's even if it expired: a claimer replaces the worker id.
     */
    public Set<UUID> renew(UUID workerId, Duration ttl) {
        return new HashSet<>(jdbc.sql("""
                UPDATE camera_leases SET expires_at = now() + :ttl * interval '1 millisecond'
                WHERE worker_id = :worker
                RETURNING camera_id
                """)
                .param("ttl", ttl.toMillis())
                .param("worker", workerId)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list());
    }

    /** Cameras the worker holds an unexpired lease on; a deleted camera's lease is gone with it. */
    public List<LeasedCamera> held(UUID workerId) {
        return jdbc.sql("""
                SELECT c.id, %s, c.is_active
                FROM camera_leases l JOIN cameras c ON c.id = l.camera_id
                WHERE l.worker_id = :worker AND l.expires_at > now()
                """.formatted(FINGERPRINTS))
                .param("worker", workerId)
                .query((rs, row) -> new LeasedCamera(rs.getObject("id", UUID.class), fingerprint(rs),
                        rs.getBoolean("is_active")))
                .list();
    }

    public boolean release(UUID workerId, UUID cameraId) {
        return jdbc.sql("DELETE FROM camera_leases WHERE camera_id = :camera AND worker_id = :worker")
                .param("camera", cameraId)
                .param("worker", workerId)
                .update() > 0;
    }

    public int releaseAll(UUID workerId) {
        return jdbc.sql("DELETE FROM camera_leases WHERE worker_id = :worker").param("worker", workerId).update();
    }

    private static ConfigFingerprint fingerprint(ResultSet rs) throws SQLException {
        return new ConfigFingerprint(rs.getString("source"), rs.getString("analysis"));
    }

    public int countActiveCameras() {
        return jdbc.sql("SELECT count(*) FROM cameras WHERE is_active").query(Integer.class).single();
    }
}
