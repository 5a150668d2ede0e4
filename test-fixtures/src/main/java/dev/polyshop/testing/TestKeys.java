package dev.polyshop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * The RSA key pair that signs and verifies test tokens: generated once per JVM at run time, so no key is ever
 * committed, and written as PEM files for the services' configuration.
 * <p>
 * The file paths are kept in system properties, not static fields: Quarkus loads test resources and test classes in
 * different class loaders, and a static field would give each loader its own key pair, so that tokens minted by a test
 * would not verify against the key the application was given.
 */
final class TestKeys {

    private static final String PUBLIC_KEY_FILE = "polyshop.test.jwt.public-key-file";
    private static final String PRIVATE_KEY_FILE = "polyshop.test.jwt.private-key-file";

    private TestKeys() {
    }

    /** X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}), what {@code mp.jwt.verify.publickey.location} reads. */
    static Path publicKeyFile() {
        return Path.of(keyFiles().getProperty(PUBLIC_KEY_FILE));
    }

    /** PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), what {@code smallrye.jwt.sign.key.location} reads. */
    static Path privateKeyFile() {
        return Path.of(keyFiles().getProperty(PRIVATE_KEY_FILE));
    }

    static PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot parse the test private key", e);
        }
    }

    private static Properties keyFiles() {
        Properties properties = System.getProperties();
        synchronized (properties) {
            if (properties.getProperty(PUBLIC_KEY_FILE) == null) {
                writeNewKeyPair(properties);
            }
            return properties;
        }
    }

    private static void writeNewKeyPair(Properties properties) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("polyshop-test-jwt-");
            Path publicKey = writePem(dir.resolve("jwt-public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            Path privateKey = writePem(dir.resolve("jwt-private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            // deleteOnExit runs in reverse order of registration: the files first, then their directory.
            dir.toFile().deleteOnExit();
            publicKey.toFile().deleteOnExit();
            privateKey.toFile().deleteOnExit();
            properties.setProperty(PUBLIC_KEY_FILE, publicKey.toString());
            properties.setProperty(PRIVATE_KEY_FILE, privateKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test key pair", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the test key pair", e);
        }
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
