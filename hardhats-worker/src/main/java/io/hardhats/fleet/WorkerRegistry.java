package io.hardhats.fleet;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code workers} table: who is alive, with what capacity, in the order that decides who
 * takes the remainder of an uneven split. Call inside {@link io.hardhats.tenancy.SystemTransactions}.
 */
public class WorkerRegistry {

    /** A live worker as fair sharing sees it. */
    public record WorkerSlot(UUID id, int capacity) {
    }

    private final JdbcClient jdbc;

    public WorkerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers the worker or refreshes its heartbeat. An upsert, so a worker whose row was
     * removed as stale (after a long pause) simply comes back.
     */
    public void heartbeat(WorkerIdentity worker) {
        jdbc.sql("""
                INSERT INTO workers (id, hostname, capacity, heartbeat_at, started_at)
                VALUES (:id, :hostname, :capacity, now(), now())
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), capacity = EXCLUDED.capacity
                """)
                .param("id", worker.id())
                .param("hostname", worker.hostname())
                .param("capacity", worker.capacity())
                .update();
    }

    /** Live workers, oldest first: a stable order every worker computes the same way. */
    public List<WorkerSlot> live(Duration ttl) {
        return jdbc.sql("""
                SELECT id, capacity FROM workers
                WHERE heartbeat_at >= now() - :ttl * interval '1 millisecond'
                ORDER BY started_at, id
                """)
                .param("ttl", ttl.toMillis())
                .query((rs, row) -> new WorkerSlot(rs.getObject("id", UUID.class), rs.getInt("capacity")))
                .list();
    }

    /**
     * Forgets workers silent for longer than a lease lives. Their leases go with them (ON DELETE
     * CASCADE); they had expired anyway, since leases are renewed together with the heartbeat.
     */
    public int removeStale(Duration ttl) {
        return jdbc.sql("DELETE FROM workers WHERE heartbeat_at < now() - :ttl * interval '1 millisecond'")
                .param("ttl", ttl.toMillis())
                .update();
    }

    public void remove(UUID workerId) {
        jdbc.sql("DELETE FROM workers WHERE id = :id").param("id", workerId).update();
    }
}
