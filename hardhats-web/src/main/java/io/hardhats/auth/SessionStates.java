package io.hardhats.auth;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hardhats.session.SessionPrincipal;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.users.Role;
import io.hardhats.users.User;
import io.hardhats.users.UserChanged;
import io.hardhats.users.UserRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the session check of every API request reads from the database, kept in memory for a few
 * seconds ({@link SessionCacheProperties}) so a busy browser costs no database round trip per
 * request. Revocations and user changes announce themselves ({@link TokenRevocation.TokenRevoked},
 * {@link UserChanged}) and are forgotten once committed, so they apply at once in this instance;
 * {@link SessionNotices} tells the other instances. Caffeine loads a key once and an invalidation
 * waits for a load in progress, so a read that raced a change cannot outlive it.
 */
@Component
public class SessionStates {

    /** What a session check needs to know about its user. */
    record UserState(UUID organizationId, Role role, boolean active, int sessionVersion) {

        static UserState of(User user) {
            return new UserState(user.getOrganizationId(), user.getRole(), user.isActive(), user.getSessionVersion());
        }

        /** Whether a token of this organisation and session version may act as this user. */
        boolean accepts(UUID tokenOrganization, int tokenSessionVersion) {
            return active && organizationId.equals(tokenOrganization) && sessionVersion == tokenSessionVersion;
        }
    }

    private final UserRepository users;
    private final RevokedTokenRepository revoked;
    private final Cache<String, Boolean> revokedTokens;
    private final Cache<UUID, Optional<UserState>> userStates;

    public SessionStates(UserRepository users, RevokedTokenRepository revoked, SessionCacheProperties cache) {
        this.users = users;
        this.revoked = revoked;
        this.revokedTokens = newCache(cache);
        this.userStates = newCache(cache);
    }

    private static <K, V> Cache<K, V> newCache(SessionCacheProperties cache) {
        return Caffeine.newBuilder().expireAfterWrite(cache.ttl()).maximumSize(cache.maximumSize()).build();
    }

    boolean isRevoked(String tokenId) {
        return revokedTokens.get(tokenId, id -> TenantContext.callAsSystem(() -> revoked.existsById(id)));
    }

    /** The user's current state, empty when there is no such user. */
    Optional<UserState> user(UUID userId) {
        return userStates.get(userId, id -> TenantContext.callAsSystem(() -> users.findById(id).map(UserState::of)));
    }

    /**
     * Whether a session accepted earlier still acts for its user with the same role. A stream
     * opened under another role ends with a role change, so it never outlives the rights it was
     * opened with.
     */
    public boolean stillHolds(SessionPrincipal session) {
        return user(session.userId())
                .filter(state -> state.accepts(session.organizationId(), session.sessionVersion()))
                .filter(state -> state.role() == session.role())
                .isPresent();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(TokenRevocation.TokenRevoked revocation) {
        forgetToken(revocation.tokenId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(UserChanged change) {
        forgetUser(change.userId());
    }

    void forgetToken(String tokenId) {
        revokedTokens.invalidate(tokenId);
    }

    void forgetUser(UUID userId) {
        userStates.invalidate(userId);
    }
}
