package dev.polyshop.testing;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;

/**
 * RS256 tokens shaped like customer-service's (issuer {@code polyshop}, subject and {@code upn} = username, role in
 * {@code groups}), signed with the key the application under test verifies with (see {@link JwtTestResource}).
 */
public final class TestTokens {

    public static final String ISSUER = "polyshop";
    public static final String CUSTOMER_ROLE = "customer";
    public static final String MANAGER_ROLE = "manager";
    /** The manager account's username, as the local run configures it. */
    public static final String MANAGER_USERNAME = "admin";

    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    public static String customer(String username) {
        Instant now = Instant.now();
        return sign(username, CUSTOMER_ROLE, now, now.plus(LIFETIME));
    }

    public static String manager() {
        Instant now = Instant.now();
        return sign(MANAGER_USERNAME, MANAGER_ROLE, now, now.plus(LIFETIME));
    }

    /** A customer token that expired an hour ago, well past any clock-skew allowance. */
    public static String expired(String username) {
        Instant expiredAt = Instant.now().minus(LIFETIME);
        return sign(username, CUSTOMER_ROLE, expiredAt.minus(LIFETIME), expiredAt);
    }

    private static String sign(String username, String role, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(ISSUER)
                .subject(username)
                .upn(username)
                .groups(role)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .sign(TestKeys.privateKey());
    }
}
