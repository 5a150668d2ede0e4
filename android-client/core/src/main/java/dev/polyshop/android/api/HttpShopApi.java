package dev.polyshop.android.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

import dev.polyshop.android.session.Session;

/**
 * {@link ShopApi} over HTTP with the platform's {@link HttpURLConnection} and org.json, both on Android and on a JVM.
 * The server address and the token are read from the session at each call, so a change in Settings or a new login
 * applies at once.
 */
public class HttpShopApi implements ShopApi {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    // Above the server's own timeouts: every call of the API answers within them (API.md).
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final Session session;

    public HttpShopApi(Session session) {
        this.session = session;
    }

    @Override
    public Customer register(String username, String fullName, String email, String password) {
        JSONObject body = object("username", username, "fullName", fullName, "email", email, "password", password);
        return Customer.from(asObject(call("POST", "/api/customers", body, false)));
    }

    @Override
    public Login login(String username, String password) {
        return Login.from(asObject(call("POST", "/api/auth/login", object("username", username, "password",
                password), false)));
    }

    @Override
    public Customer me() {
        return Customer.from(asObject(call("GET", "/api/customers/me", null, true)));
    }

    @Override
    public Customer updateMe(String fullName, String email) {
        return Customer.from(asObject(call("PUT", "/api/customers/me", object("fullName", fullName, "email", email),
                true)));
    }

    @Override
    public void changePassword(String currentPassword, String newPassword) {
        call("PUT", "/api/customers/me/password", object("currentPassword", currentPassword, "newPassword",
                newPassword), true);
    }

    @Override
    public List<Category> categories() {
        return list(call("GET", "/api/categories", null, false), Category::from);
    }

    @Override
    public List<Product> products(String categoryId, String search) {
        StringBuilder path = new StringBuilder("/api/products");
        char separator = '?';
        if (present(categoryId)) {
            path.append(separator).append("categoryId=").append(encoded(categoryId));
            separator = '&';
        }
        if (present(search)) {
            path.append(separator).append("q=").append(encoded(search.trim()));
        }
        return list(call("GET", path.toString(), null, false), Product::from);
    }

    @Override
    public Product product(String id) {
        return Product.from(asObject(call("GET", "/api/products/" + encoded(id), null, false)));
    }

    @Override
    public Order placeOrder(String productId, int quantity) {
        JSONObject body = new JSONObject();
        try {
            body.put("productId", productId);
            body.put("quantity", quantity);
        } catch (JSONException e) {
            throw new IllegalStateException(e);
        }
        return toOrder(call("POST", "/api/orders", body, true));
    }

    @Override
    public List<Order> orders() {
        return list(call("GET", "/api/orders", null, true), Order::from);
    }

    @Override
    public Order order(String id) {
        return toOrder(call("GET", "/api/orders/" + encoded(id), null, true));
    }

    @Override
    public Order cancelOrder(String id) {
        return toOrder(call("POST", "/api/orders/" + encoded(id) + "/cancel", null, true));
    }

    @Override
    public List<Invoice> invoices() {
        return list(call("GET", "/api/invoices", null, true), Invoice::from);
    }

    /** Sends one request; answers the body of a 2xx response, or throws the problem it reports. */
    private String call(String method, String path, JSONObject body, boolean authenticated) {
        String address = session.serverAddress();
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL(address + path).openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", "application/json");
            if (authenticated && session.token() != null) {
                connection.setRequestProperty("Authorization", "Bearer " + session.token());
            }
            if (body != null) {
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            } else if ("POST".equals(method)) {
                // A command without a body (cancel): an empty one, announced as such.
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(0);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            if (status >= 200 && status < 300) {
                return read(connection.getInputStream());
            }
            throw problem(status, read(connection.getErrorStream()));
        } catch (IOException e) {
            throw ApiException.unreachable(address, e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** A problem+json answer as an exception; a body that is not one still gives its status. */
    static ApiException problem(int status, String body) {
        String title = "HTTP " + status;
        String detail = null;
        List<FieldError> errors = new ArrayList<>();
        try {
            JSONObject json = new JSONObject(body);
            title = json.optString("title", title);
            detail = Json.text(json, "detail");
            JSONArray fields = json.optJSONArray("errors");
            for (int i = 0; fields != null && i < fields.length(); i++) {
                JSONObject error = fields.getJSONObject(i);
                errors.add(new FieldError(Json.text(error, "field"), Json.text(error, "message")));
            }
        } catch (JSONException e) {
            // not problem+json (a proxy's error page, an empty body): the status says enough
        }
        return new ApiException(status, title, detail, errors);
    }

    private static Order toOrder(String body) {
        try {
            return Order.from(new JSONObject(body));
        } catch (JSONException e) {
            throw malformed(e);
        }
    }

    private static JSONObject asObject(String body) {
        try {
            return new JSONObject(body);
        } catch (JSONException e) {
            throw malformed(e);
        }
    }

    private static <T> List<T> list(String body, Json.Reader<T> reader) {
        try {
            return Collections.unmodifiableList(Json.list(new JSONArray(body), reader));
        } catch (JSONException e) {
            throw malformed(e);
        }
    }

    private static JSONObject object(String... namesAndValues) {
        JSONObject json = new JSONObject();
        try {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                json.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        } catch (JSONException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    private static ApiException malformed(JSONException e) {
        ApiException problem = new ApiException(502, "Unexpected answer", "The shop answered something this app does"
                + " not understand.", Collections.<FieldError>emptyList());
        problem.initCause(e);
        return problem;
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (InputStream stream = in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = stream.read(buffer)) != -1;) {
                bytes.write(buffer, 0, n);
            }
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.trim().isEmpty();
    }

    private static String encoded(String text) {
        try {
            return URLEncoder.encode(text, "UTF-8").replace("+", "%20");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
