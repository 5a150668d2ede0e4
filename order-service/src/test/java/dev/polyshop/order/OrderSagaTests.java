package dev.polyshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.PostgresDatabaseTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(PostgresDatabaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class OrderSagaTests {

    private static final Duration SAGA = Duration.ofSeconds(15);

    @Inject
    Participants participants;

    @Inject
    EventReplayer replayer;

    @Inject
    RabbitMq rabbit;

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldApproveAnOrderOnceStockAndCreditAreReserved() {
        String product = Participants.newProduct();
        String order = place("alice", product, 2);

        participants.stockReserved(order, product, 2, "10.25");
        participants.creditReserved(order, "alice", "20.50");

        JsonPath approved = awaitStatus("alice", order, "APPROVED");
        assertThat(approved.getString("total")).isEqualTo("20.5");
        assertThat(approved.getString("unitPrice")).isEqualTo("10.25");
        assertThat(approved.getString("productName")).isEqualTo("Teapot");
        assertThat(approved.getString("stockStatus")).isEqualTo("RESERVED");
        assertThat(approved.getString("creditStatus")).isEqualTo("RESERVED");
        assertThat(approved.getString("reason")).isNull();
        assertThat(approved.getList("history.status")).startsWith("PENDING").endsWith("APPROVED");
    }

    @Test
    void shouldRejectAnOrderWhoseStockCouldNotBeReservedWithTheReason() {
        String product = Participants.newProduct();
        String order = place("bob", product, 3);

        participants.stockFailed(order, product, "OUT_OF_STOCK");

        JsonPath rejected = awaitStatus("bob", order, "REJECTED");
        assertThat(rejected.getString("reason")).isEqualTo("OUT_OF_STOCK");
        assertThat(rejected.getString("stockStatus")).isEqualTo("DENIED");
        assertThat(rejected.getString("creditStatus")).isEqualTo("PENDING");
        assertThat(rejected.getString("unitPrice")).isNull();
    }

    @Test
    void shouldRejectAnOrderAsProductNotFoundWhenTheRefusalIsOnAMissingProductStream() {
        String product = Participants.newProduct();
        String order = place("ivan", product, 1);

        participants.productMissing(order, product);

        JsonPath rejected = awaitStatus("ivan", order, "REJECTED");
        assertThat(rejected.getString("reason")).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(rejected.getString("stockStatus")).isEqualTo("DENIED");
        given().auth().oauth2(TestTokens.manager()).post("/api/admin/orders/rebuild").then().statusCode(200);
        JsonPath rebuilt = get("ivan", order);
        assertThat(rebuilt.getString("status")).isEqualTo("REJECTED");
        assertThat(rebuilt.getString("stockStatus")).isEqualTo("DENIED");
        assertThat(rebuilt.getList("history")).isEqualTo(rejected.getList("history"));
    }

    @Test
    void shouldRejectAnOrderWhenCreditIsInsufficient() {
        String product = Participants.newProduct();
        String order = place("carol", product, 1);

        participants.stockReserved(order, product, 1, "99.99");
        participants.creditFailed(order, "carol", "99.99");

        JsonPath rejected = awaitStatus("carol", order, "REJECTED");
        assertThat(rejected.getString("reason")).isEqualTo("INSUFFICIENT_CREDIT");
        assertThat(rejected.getString("creditStatus")).isEqualTo("DENIED");
    }

    @Test
    void shouldShowReleasedReservationsAfterARejection() {
        String product = Participants.newProduct();
        String order = place("dave", product, 1);
        participants.stockReserved(order, product, 1, "5");
        participants.creditFailed(order, "dave", "5");
        awaitStatus("dave", order, "REJECTED");

        participants.stockReleased(order, product, 1);

        await().atMost(SAGA).untilAsserted(() -> assertThat(get("dave", order).getString("stockStatus"))
                .isEqualTo("RELEASED"));
    }

    @Test
    void shouldRecordTheOutcomeOnceWhenAReservationIsDeliveredAgain() throws Exception {
        String product = Participants.newProduct();
        String order = place("erin", product, 1);
        participants.stockReserved(order, product, 1, "7");
        RecordedEvent credit = participants.creditReserved(order, "erin", "7");
        awaitStatus("erin", order, "APPROVED");
        int historySize = get("erin", order).getList("history").size();

        try (Channel channel = rabbit.channel()) {
            channel.basicPublish(rabbit.topology().eventsExchange(), credit.routingKey(),
                    new AMQP.BasicProperties.Builder().deliveryMode(2).build(), EventJson.write(credit));
        }
        List<RecordedEvent> trace = new ArrayList<>();
        await().atMost(SAGA).untilAsserted(() -> {
            trace.clear();
            replayer.replay(List.of("order"), 0, event -> {
                if (event.streamId().equals(order)) {
                    trace.add(event);
                }
            }, Duration.ofSeconds(10));
            assertThat(trace).extracting(RecordedEvent::type).containsExactly("OrderPlaced", "OrderApproved");
        });
        assertThat(trace).allSatisfy(event -> assertThat(event.correlationId()).isEqualTo(order));
        assertThat(get("erin", order).getList("history")).hasSize(historySize);
    }

    @Test
    void shouldAnswerTheFinalStateWhenTheShopperWaits() {
        String product = Participants.newProduct();
        String order = given().auth().oauth2(TestTokens.customer("frank")).contentType("application/json")
                .header("Prefer", "wait=1").body("{\"productId\":\"" + product + "\",\"quantity\":1}")
                .post("/api/orders").then().statusCode(202).body("status", equalTo("PENDING"))
                .extract().path("id");

        participants.stockFailed(order, product, "PRODUCT_NOT_FOUND");

        awaitStatus("frank", order, "REJECTED");
    }

    @Test
    void shouldClampAWaitTooLongForANumberAndStillAnswerTheOrder() {
        String product = Participants.newProduct();
        given().auth().oauth2(TestTokens.customer("fred")).contentType("application/json")
                .header("Prefer", "wait=99999999999999999999").body("{\"productId\":\"" + product
                        + "\",\"quantity\":1}")
                .post("/api/orders").then().statusCode(oneOf(200, 202))
                .header("Preference-Applied", "wait=10").body("productId", equalTo(product));
    }

    @Test
    void shouldAnswerBadRequestForAnOrderIdThatIsNotCanonical() {
        given().auth().oauth2(TestTokens.customer("fred")).get("/api/orders/1-1-1-1-1").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldRejectWithTimeoutAnOrderNobodyAnswers() {
        String order = place("gina", Participants.newProduct(), 1);

        JsonPath rejected = awaitStatus("gina", order, "REJECTED");

        assertThat(rejected.getString("reason")).isEqualTo("TIMEOUT");
    }

    @Test
    void shouldStreamTheOrderUntilItsFinalState() throws Exception {
        String product = Participants.newProduct();
        String order = place("hank", product, 1);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/orders/" + order + "/stream"))
                .header("Authorization", "Bearer " + TestTokens.customer("hank"))
                .header("Accept", "text/event-stream").build();

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> data = response.body().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).trim()).iterator();
        String first = JsonPath.from(data.next()).getString("status");
        participants.stockReserved(order, product, 1, "3");
        participants.creditReserved(order, "hank", "3");
        List<String> later = new ArrayList<>();
        data.forEachRemaining(json -> later.add(JsonPath.from(json).getString("status")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(first).isEqualTo("PENDING");
        assertThat(later).isNotEmpty().last().isEqualTo("APPROVED");
    }

    static String place(String customer, String product, int quantity) {
        var response = given().auth().oauth2(TestTokens.customer(customer)).contentType("application/json")
                .body("{\"productId\":\"" + product + "\",\"quantity\":" + quantity + "}")
                .post("/api/orders").then().statusCode(202).body("status", equalTo("PENDING"))
                .body("customer", equalTo(customer)).body("quantity", equalTo(quantity))
                .body("total", nullValue()).extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/orders/" + id);
        return id;
    }

    static JsonPath get(String customer, String order) {
        return given().auth().oauth2(TestTokens.customer(customer)).get("/api/orders/{id}", order).then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitStatus(String customer, String order, String status) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(get(customer, order).getString("status")));
        return get(customer, order);
    }
}
