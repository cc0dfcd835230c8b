package io.hardhats.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * One retention run at a time over the whole database, although every web and worker process
 * schedules it: a PostgreSQL advisory lock, tried rather than waited for, since a run that finds
 * another under way has nothing left to do. The run spans many short transactions, so the lock
 * is a session's, held on a connection of its own until the run ends.
 */
public class RetentionLock {

    /** The lock's key; nothing else takes an advisory lock on this database. */
    static final long KEY = 0x4848_5245_5445_4E54L;

    private final DataSource dataSource;

    public RetentionLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return what {@code work} answered, or empty when another run held the lock and it did not run */
    public <T> Optional<T> ifFree(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the retention lock could not be taken or released", e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
