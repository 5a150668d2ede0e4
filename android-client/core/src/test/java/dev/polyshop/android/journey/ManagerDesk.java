package dev.polyshop.android.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.json.JSONException;
import org.json.JSONObject;

/** What a product manager sets up for the shopper's journey, through the same public API (the app has no such calls). */
final class ManagerDesk {

    private final String baseUrl;
    private final String token;

    ManagerDesk(String baseUrl) throws IOException, JSONException {
        this.baseUrl = baseUrl;
        JSONObject login = new JSONObject().put("username", System.getProperty("polyshop.manager.username", "admin"))
                .put("password", System.getProperty("polyshop.manager.password", "admin"));
        this.token = send("POST", "/api/auth/login", login, null).getString("token");
    }

    String category(String name) throws IOException, JSONException {
        return send("POST", "/api/categories", new JSONObject().put("name", name), token).getString("id");
    }

    String product(String categoryId, String name, String price, int stock) throws IOException, JSONException {
        JSONObject product = new JSONObject().put("name", name).put("description", "A " + name + " for the app")
                .put("supplier", "Android tests").put("categoryId", categoryId).put("price", Double.valueOf(price))
                .put("unitsInStock", stock);
        return send("POST", "/api/products", product, token).getString("id");
    }

    private JSONObject send(String method, String path, JSONObject body, String bearer)
            throws IOException, JSONException {
        HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + path).openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Content-Type", "application/json");
        if (bearer != null) {
            connection.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        if (status >= 300) {
            throw new IOException(method + " " + path + " answered " + status);
        }
        try (InputStream in = connection.getInputStream()) {
            return new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
