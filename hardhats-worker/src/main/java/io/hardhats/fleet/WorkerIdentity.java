package io.hardhats.fleet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This process in the {@code workers} table: a fresh id per start, so a restart never inherits leases. */
public record WorkerIdentity(UUID id, String hostname, int capacity) {

    public WorkerIdentity {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
    }

    public static WorkerIdentity create(int capacity) {
        return new WorkerIdentity(UUID.randomUUID(), localHostname(), capacity);
    }

    private static String localHostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
