package dev.polyshop.android.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyshop.android.session.MemoryStore;
import dev.polyshop.android.session.Session;

/** The client against a small HTTP server answering as the shop does: what it sends, and how it reads answers. */
class HttpShopApiTests {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Session session = new Session(new MemoryStore(), Clock.systemUTC());
    private final HttpShopApi api = new HttpShopApi(session);
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{}";
    private volatile String contentType = "application/json";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        session.useServer("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldSendTheTokenOnlyWhereTheShopperIsNeeded() {
        session.signIn(new Login("the-token", "2999-01-01T00:00:00Z", "ada", "customer"));
        answer = "[]";

        api.categories();
        api.orders();

        assertThat(requests).containsExactly("GET /api/categories null ", "GET /api/orders Bearer the-token ");
    }

    @Test
    void shouldPostAnOrderAsJson() {
        session.signIn(new Login("the-token", "2999-01-01T00:00:00Z", "ada", "customer"));
        status = 202;
        answer = "{\"id\":\"o-1\",\"productId\":\"p-1\",\"productName\":null,\"quantity\":3,\"unitPrice\":null,"
                + "\"total\":null,\"status\":\"PENDING\",\"reason\":null,\"stockStatus\":\"PENDING\","
                + "\"creditStatus\":\"PENDING\",\"placedAt\":\"2026-11-22T10:00:00Z\",\"history\":[{\"status\":"
                + "\"PENDING\",\"at\":\"2026-11-22T10:00:00Z\",\"detail\":\"placed\"}],\"somethingNew\":1}";

        Order order = api.placeOrder("p-1", 3);

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("POST /api/orders Bearer the-token {").contains("\"productId\":\"p-1\"")
                .contains("\"quantity\":3");
        assertThat(order.isPending()).isTrue();
        assertThat(order.productName()).isNull();
        assertThat(order.total()).isNull();
        assertThat(order.history()).extracting(Order.OrderStep::detail).containsExactly("placed");
    }

    @Test
    void shouldCancelWithAnEmptyCommand() {
        session.signIn(new Login("the-token", "2999-01-01T00:00:00Z", "ada", "customer"));
        status = 202;
        answer = "{\"id\":\"o 1\",\"status\":\"CANCELLED\",\"history\":null}";

        Order cancelled = api.cancelOrder("o 1");

        assertThat(requests).containsExactly("POST /api/orders/o%201/cancel Bearer the-token ");
        assertThat(cancelled.status()).isEqualTo(Order.CANCELLED);
        assertThat(cancelled.history()).isEmpty();
        assertThat(cancelled.canCancel()).isFalse();
    }

    @Test
    void shouldReadMoneyExactly() {
        answer = "[{\"id\":\"p-1\",\"name\":\"Pen\",\"categoryId\":\"c-1\",\"categoryName\":\"Office\","
                + "\"price\":10.25,\"unitsInStock\":0}]";

        Product product = api.products(null, null).get(0);

        assertThat(product.price()).isEqualByComparingTo(new BigDecimal("10.25"));
        assertThat(product.description()).isNull();
        assertThat(product.inStock()).isFalse();
    }

    @Test
    void shouldFilterProductsByCategoryAndEncodedSearch() {
        answer = "[]";

        api.products("c-1", " blue & red ");

        assertThat(requests).containsExactly("GET /api/products?categoryId=c-1&q=blue%20%26%20red null ");
    }

    @Test
    void shouldTurnAProblemIntoFieldErrors() {
        status = 400;
        contentType = "application/problem+json";
        answer = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"invalid input\","
                + "\"errors\":[{\"field\":\"email\",\"message\":\"must be a valid email address\"},"
                + "{\"field\":\"fullName\",\"message\":\"must not be blank\"}]}";

        assertThatThrownBy(() -> api.register("ada", "Ada", "not-an-email", "secret123"))
                .isInstanceOfSatisfying(ApiException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.fieldErrors()).extracting(FieldError::field).containsExactly("email",
                            "fullName");
                    assertThat(problem.describe()).isEqualTo(
                            "Email: must be a valid email address\nFull name: must not be blank");
                });
    }

    @Test
    void shouldKeepTheStatusOfAnAnswerThatIsNoProblem() {
        status = 502;
        contentType = "text/html";
        answer = "<html>Bad gateway</html>";

        assertThatThrownBy(() -> api.categories()).isInstanceOfSatisfying(ApiException.class,
                problem -> assertThat(problem.describe()).isEqualTo(
                        "Something went wrong in the shop (502). Please try again."));
    }

    @Test
    void shouldSayWhereItLookedWhenNothingAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        session.useServer("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> api.categories()).isInstanceOfSatisfying(ApiException.class, problem -> {
            assertThat(problem.status()).isEqualTo(ApiException.UNREACHABLE);
            assertThat(problem.describe()).isEqualTo("Cannot reach the shop at http://127.0.0.1:" + closedPort
                    + ". Check the server address in Settings.");
        });
    }
}
