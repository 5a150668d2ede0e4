package dev.polyshop.android.api;

import org.json.JSONObject;

/** What a successful login gives: the token to send, until when it is valid, and whose it is. */
public final class Login {

    private final String token;
    private final String expiresAt;
    private final String username;
    private final String role;

    public Login(String token, String expiresAt, String username, String role) {
        this.token = token;
        this.expiresAt = expiresAt;
        this.username = username;
        this.role = role;
    }

    static Login from(JSONObject json) {
        return new Login(Json.text(json, "token"), Json.text(json, "expiresAt"), Json.text(json, "username"),
                Json.text(json, "role"));
    }

    public String token() {
        return token;
    }

    public String expiresAt() {
        return expiresAt;
    }

    public String username() {
        return username;
    }

    public String role() {
        return role;
    }
}
