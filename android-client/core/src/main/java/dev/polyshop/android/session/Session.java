package dev.polyshop.android.session;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.polyshop.android.api.Login;

/**
 * Who is logged in and which shop the app talks to, kept in a {@link KeyValueStore}. It keeps the token the shop
 * issued and when that expires, never the password: after a logout, or once the token has expired, the shopper logs
 * in again.
 */
public class Session {

    /** The host's port 8080 as an Android emulator reaches it: where {@code ./polyshop run} serves the shop. */
    public static final String EMULATOR_HOST_ADDRESS = "http://10.0.2.2:8080";

    private static final String SERVER = "server";
    private static final String TOKEN = "token";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String USERNAME = "username";

    private final KeyValueStore store;
    private final Clock clock;

    public Session(KeyValueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public String serverAddress() {
        String address = store.get(SERVER);
        return address == null ? EMULATOR_HOST_ADDRESS : address;
    }

    /**
     * Uses another shop, and logs out of the one before.
     *
     * @throws IllegalArgumentException if the address is not an http(s) address of a host
     */
    public void useServer(String address) {
        String normalized = normalizedAddress(address);
        if (!normalized.equals(serverAddress())) {
            signOut();
        }
        store.put(SERVER, normalized);
    }

    /** "http://host:port" without a trailing slash; "shop.example:8080" is taken as http. */
    public static String normalizedAddress(String address) {
        String text = address == null ? "" : address.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the address of the shop, e.g. " + EMULATOR_HOST_ADDRESS);
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URL url = new URL(text);
            boolean web = "http".equals(url.getProtocol()) || "https".equals(url.getProtocol());
            if (!web || url.getHost().isEmpty() || !url.getPath().isEmpty() || url.getQuery() != null) {
                throw new IllegalArgumentException("Use an address like " + EMULATOR_HOST_ADDRESS);
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("That is not a web address; use one like " + EMULATOR_HOST_ADDRESS);
        }
        return text;
    }

    public void signIn(Login login) {
        store.put(TOKEN, login.token());
        store.put(EXPIRES_AT, login.expiresAt());
        store.put(USERNAME, login.username());
    }

    public void signOut() {
        store.remove(TOKEN);
        store.remove(EXPIRES_AT);
        store.remove(USERNAME);
    }

    /** Logged in with a token that has not expired yet. */
    public boolean isSignedIn() {
        String token = store.get(TOKEN);
        return token != null && !expired();
    }

    public String token() {
        return store.get(TOKEN);
    }

    public String username() {
        return store.get(USERNAME);
    }

    private boolean expired() {
        String expiresAt = store.get(EXPIRES_AT);
        try {
            return expiresAt == null || !Instant.parse(expiresAt).isAfter(clock.instant());
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
