package io.hardhats.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.config.SecretKeys;
import io.hardhats.users.User;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and reads the session JWT (HS256; claims sub, org, role, sv, sid, exp, iat, jti). {@code sv}
 * is the user's session version: ending all of a user's sessions moves it on. {@code sid} names the
 * sign-in, which refreshes keep while each token gets its own {@code jti}.
 */
@Component
public class SessionTokens {

    static final String SESSION_VERSION = "sv";
    static final String SESSION_ID = "sid";

    public record Issued(String token, String tokenId, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[" + tokenId + "]";
        }
    }

    private final NimbusJwtEncoder encoder;
    private final JwtDecoder decoder;
    private final HardhatsProperties properties;

    public SessionTokens(SecretKeys keys, HardhatsProperties properties) {
        SecretKey key = new SecretKeySpec(keys.jwtSigningKey(), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.properties = properties;
    }

    /** A token for a new sign-in. */
    public Issued issue(User user) {
        return issue(user, null);
    }

    /** A token continuing the sign-in {@code sessionId} (a refresh), or a new one when null. */
    public Issued issue(User user, String sessionId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.jwtExpireMinutes(), ChronoUnit.MINUTES);
        String tokenId = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.getId().toString())
                .claim("org", user.getOrganizationId().toString())
                .claim("role", user.getRole().wire())
                .claim(SESSION_VERSION, user.getSessionVersion())
                .claim(SESSION_ID, sessionId != null ? sessionId : tokenId)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(tokenId)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, tokenId, expiresAt);
    }

    /** The sign-in a token belongs to; a token from before sign-ins were named is one of its own. */
    static String sessionId(Jwt token) {
        return token.hasClaim(SESSION_ID) ? token.getClaimAsString(SESSION_ID) : token.getId();
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /** A valid, unexpired token's claims, or empty for anything else. */
    public Optional<Jwt> read(String token) {
        try {
            return Optional.of(decoder.decode(token));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }
}
