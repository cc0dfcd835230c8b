package io.hardhats.notifications.digest;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Who receives the daily digest: the distinct addresses of each organisation's enabled e-mail channels. */
@FunctionalInterface
public interface DigestRecipients {

    /** Organisations with at least one address, read across tenants. */
    Map<UUID, Set<String>> byOrganization();
}
