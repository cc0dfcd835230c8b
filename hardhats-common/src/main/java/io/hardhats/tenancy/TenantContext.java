package io.hardhats.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whose data the current thread may touch: one organisation, or — for the few operations that
 * must see across tenants (login lookup, worker leases) — the whole database. Read by the
 * Hibernate tenant resolver and by the transaction manager that sets the RLS variable, so one
 * setting drives both guards. A signed-in request's scope says so, for its shorter statement
 * timeout ({@link StatementTimeouts}).
 */
public final class TenantContext {

    private sealed interface Scope permits Tenant, System {
    }

    private record Tenant(UUID organizationId, boolean request) implements Scope {
    }

    private record System() implements Scope {
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> currentOrganization() {
        return CURRENT.get() instanceof Tenant tenant ? Optional.of(tenant.organizationId()) : Optional.empty();
    }

    /** The current organisation, for code that must never run outside one. */
    public static UUID requireOrganization() {
        return currentOrganization().orElseThrow(() -> new IllegalStateException("no organisation in scope"));
    }

    public static boolean isSystem() {
        return CURRENT.get() instanceof System;
    }

    /** Whether the current scope is a signed-in request's, which someone is waiting for. */
    public static boolean inRequest() {
        return CURRENT.get() instanceof Tenant tenant && tenant.request();
    }

    public static <T> T callAs(UUID organizationId, Supplier<T> work) {
        return callIn(new Tenant(organizationId, false), work);
    }

    public static void runAs(UUID organizationId, Runnable work) {
        callAs(organizationId, () -> {
            work.run();
            return null;
        });
    }

    /** Cross-tenant work. Keep it short and never let request data choose what it reads. */
    public static <T> T callAsSystem(Supplier<T> work) {
        return callIn(new System(), work);
    }

    public static void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The scope of a signed-in request, for the filter that puts requests in their organisation
     * (its work cannot be wrapped in a lambda): close the handle to leave the scope.
     */
    public static Handle enterRequest(UUID organizationId) {
        return enter(new Tenant(organizationId, true));
    }

    private static Handle enter(Scope scope) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    private static <T> T callIn(Scope scope, Supplier<T> work) {
        try (Handle ignored = enter(scope)) {
            return work.get();
        }
    }

    /** Leaves a scope entered with {@link #enterRequest(UUID)}, restoring the one before it. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
