package io.hardhats.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.tenancy.TenantTransactions;
import io.hardhats.users.EmailAddresses;
import io.hardhats.users.User;
import io.hardhats.users.UserRepository;
import io.hardhats.web.ApiException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Signing in with e-mail and password. It starts outside any tenant, so it opens its transaction
 * itself once it knows the user's organisation.
 */
@Service
public class Login {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final FailedLogins failedLogins;
    /** Compared against when the e-mail is unknown, so both failures take the same time. */
    private final String unknownUserHash;

    public Login(UserRepository users, PasswordEncoder passwords, AuditTrail audit, TenantTransactions transactions,
            FailedLogins failedLogins) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.failedLogins = failedLogins;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** The user, or 401 with one message whether the e-mail is unknown or the password wrong. */
    public User signIn(AuthRequests.Login request) {
        String email = EmailAddresses.normalise(request.email());
        User user = TenantContext.callAsSystem(() -> users.findByEmailIgnoreCase(email).orElse(null));
        boolean matches = passwords.matches(request.password(), user == null ? unknownUserHash : user.getPasswordHash());
        if (user == null) {
            failedLogins.failed(email);
            throw ApiException.unauthorized("invalid e-mail or password");
        }
        User signedIn = transactions.call(user.getOrganizationId(), () -> {
            if (!matches || !user.isActive()) {
                audit.record(user.getId(), AuditAction.LOGIN_FAILED, "user", user.getId(),
                        Map.of("reason", matches ? "inactive" : "bad_password"));
                return null;
            }
            User current = users.findById(user.getId()).orElseThrow();
            current.setLastLogin(Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record(current.getId(), AuditAction.LOGIN, "user", current.getId(), Map.of());
            return current;
        });
        if (signedIn == null) {
            failedLogins.failed(email);
            throw ApiException.unauthorized("invalid e-mail or password");
        }
        failedLogins.succeeded(email);
        return signedIn;
    }
}
