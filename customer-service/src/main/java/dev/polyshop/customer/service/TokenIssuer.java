package dev.polyshop.customer.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.customer.config.CustomerConfig;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs the tokens every service verifies: RS256 with the key at {@code smallrye.jwt.sign.key.location}, subject and
 * {@code upn} = username, the role in {@code groups}.
 */
@ApplicationScoped
public class TokenIssuer {

    public record IssuedToken(String token, Instant expiresAt) {
    }

    private final String issuer;
    private final Duration lifetime;

    public TokenIssuer(CustomerConfig config) {
        this.issuer = config.token().issuer();
        this.lifetime = config.token().lifetime();
    }

    public IssuedToken issue(String username, String role) {
        // A token's times are whole seconds: what the caller is told is exactly what the token says.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime);
        String token = Jwt.issuer(issuer)
                .subject(username)
                .upn(username)
                .groups(role)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new IssuedToken(token, expiresAt);
    }
}
