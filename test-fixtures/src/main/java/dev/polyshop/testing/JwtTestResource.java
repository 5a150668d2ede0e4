package dev.polyshop.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application's token verification (and customer-service's signing) at the per-JVM test key pair, the same
 * one {@link TestTokens} signs with.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "smallrye.jwt.sign.key.location", TestKeys.privateKeyFile().toString());
    }

    /** The key files outlive one application: other tests in this JVM still verify against them. */
    @Override
    public void stop() {
    }
}
