package io.hardhats.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whose data the current thread may touch: one organisation, or — for the few operations that
 * must see across tenants (login lookup, worker leases) — the whole database. Read by the
 * Hibernate tenant resolver and by the transaction manager that sets the RLS variable, so one
 * setting drives both guards.
 */
public final class TenantContext {

    private sealed interface Scope permits Tenant, System {
    }

    private record Tenant(UUID organizationId) implements Scope {
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

    public static <T> T callAs(UUID organizationId, Supplier<T> work) {
        return callIn(new Tenant(organizationId), work);
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

    /** For filters, whose work cannot be wrapped in a lambda: close the handle to leave the scope. */
    public static Handle enter(UUID organizationId) {
        return enter(new Tenant(organizationId));
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

    /** Leaves a scope entered with {@link #enter(UUID)}, restoring the one before it. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
