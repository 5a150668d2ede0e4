package dev.polyshop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.build.Jwt;

class TestTokensTests {

    private Map<String, String> config;
    private JwtConsumer consumer;

    @BeforeEach
    void verifyLikeTheServices() throws Exception {
        config = new JwtTestResource().start();
        PublicKey publicKey = readPublicKey(Path.of(config.get("mp.jwt.verify.publickey.location")));
        consumer = new JwtConsumerBuilder()
                .setVerificationKey(publicKey)
                .setExpectedIssuer(config.get("mp.jwt.verify.issuer"))
                .setRequireSubject()
                .setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    @Test
    void shouldMintCustomerTokenThatVerifiesAgainstWrittenPublicKey() throws Exception {
        JwtClaims claims = consumer.processToClaims(TestTokens.customer("alice"));

        assertThat(claims.getIssuer()).isEqualTo("polyshop");
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("customer");
    }

    @Test
    void shouldMintManagerTokenForAdmin() throws Exception {
        JwtClaims claims = consumer.processToClaims(TestTokens.manager());

        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("manager");
    }

    @Test
    void shouldMintExpiredTokenThatVerificationRejects() {
        assertThatThrownBy(() -> consumer.processToClaims(TestTokens.expired("alice")))
                .isInstanceOfSatisfying(InvalidJwtException.class, e -> assertThat(e.hasExpired()).isTrue());
    }

    @Test
    void shouldRejectTokenSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("polyshop").subject("mallory").groups("manager")
                .sign(generator.generateKeyPair().getPrivate());

        assertThatThrownBy(() -> consumer.processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void shouldKeepOneKeyPairPerJvmAndHandOutItsPrivateKeyForSigning() throws Exception {
        Map<String, String> again = new JwtTestResource().start();

        assertThat(again).isEqualTo(config);
        assertThat(Files.readString(Path.of(config.get("smallrye.jwt.sign.key.location"))))
                .startsWith("-----BEGIN PRIVATE KEY-----");
    }

    private static PublicKey readPublicKey(Path pem) throws Exception {
        String text = Files.readString(pem);
        assertThat(text).startsWith("-----BEGIN PUBLIC KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
