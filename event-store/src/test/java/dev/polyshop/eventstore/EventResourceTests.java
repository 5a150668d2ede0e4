package dev.polyshop.eventstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.MongoTestResource;
import dev.polyshop.testing.RabbitMqTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
@WithTestResource(RabbitMqTestResource.class)
@WithTestResource(JwtTestResource.class)
class EventResourceTests {

    @Inject
    EventStoreClient client;

    @Test
    void shouldAnswer401WithoutAToken() {
        given().when().get("/api/events").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void shouldAnswer403ToACustomer() {
        given().auth().oauth2(TestTokens.customer("alice")).when().get("/api/events").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer401ToAnExpiredToken() {
        given().auth().oauth2(TestTokens.expired("admin")).when().get("/api/events").then()
                .statusCode(401);
    }

    @Test
    void shouldListAStreamByVersionForAManager() {
        String stream = UUID.randomUUID().toString();
        client.append(AppendRequest.to("order", stream).asNewStream().events(
                NewEvent.of("OrderPlaced", Map.of("quantity", 2)), NewEvent.of("OrderApproved", Map.of("total", 9.9))));

        given().auth().oauth2(TestTokens.manager()).when().get("/api/events/streams/{id}", stream).then()
                .statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("type", equalTo(List.of("OrderPlaced", "OrderApproved")))
                .body("[1].data.total", equalTo(9.9f))
                .body("[0].streamType", equalTo("order"))
                .body("[0].correlationId", equalTo(stream));
    }

    @Test
    void shouldAnswer404ForAStreamWithoutEvents() {
        given().auth().oauth2(TestTokens.manager()).when().get("/api/events/streams/{id}", "no-such-stream").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldFilterByStreamTypeTypeAndCorrelationId() {
        String order = UUID.randomUUID().toString();
        String streamType = "filter" + UUID.randomUUID().toString().substring(0, 8);
        client.append(AppendRequest.to(streamType, order).asNewStream().events(NewEvent.of("OrderPlaced", Map.of())));
        client.append(AppendRequest.to(streamType, UUID.randomUUID().toString()).correlatedWith(order)
                .events(NewEvent.of("StockReserved", Map.of())));
        client.append(AppendRequest.to(streamType, UUID.randomUUID().toString())
                .events(NewEvent.of("StockReserved", Map.of())));

        List<String> byCorrelation = manager().queryParam("correlationId", order).get("/api/events").then()
                .statusCode(200).extract().jsonPath().getList("type");
        List<String> byType = manager().queryParam("streamType", streamType).queryParam("type", "StockReserved")
                .get("/api/events").then().statusCode(200).extract().jsonPath().getList("type");

        assertThat(byCorrelation).containsExactly("OrderPlaced", "StockReserved");
        assertThat(byType).containsExactly("StockReserved", "StockReserved");
    }

    @Test
    void shouldPageByPositionWithAfterPositionAndLimit() {
        String stream = UUID.randomUUID().toString();
        List<RecordedEvent> recorded = client.append(AppendRequest.to("paging", stream).asNewStream().events(
                NewEvent.of("Noted", Map.of()), NewEvent.of("Noted", Map.of()), NewEvent.of("Noted", Map.of()),
                NewEvent.of("Noted", Map.of()), NewEvent.of("Noted", Map.of()))).events();

        List<Long> firstPage = positions(manager().queryParam("streamId", stream).queryParam("limit", 2));
        List<Long> secondPage = positions(manager().queryParam("streamId", stream).queryParam("limit", 2)
                .queryParam("afterPosition", firstPage.getLast()));

        assertThat(firstPage).containsExactly(recorded.get(0).position(), recorded.get(1).position());
        assertThat(secondPage).containsExactly(recorded.get(2).position(), recorded.get(3).position());
    }

    @Test
    void shouldRejectALimitAbove1000NamingTheField() {
        manager().queryParam("limit", 1001).get("/api/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void shouldNeverShowPasswordHashes() {
        String stream = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String hash = "$2a$12$abcdefghijklmnopqrstuuMOCKEDHASHVALUE000000000000000";
        client.append(AppendRequest.to("customer", stream).asNewStream().events(NewEvent.of("CustomerRegistered",
                Map.of("username", stream, "passwordHash", hash, "profile", Map.of("oldPassword", "x")))));

        String body = manager().get("/api/events/streams/{id}", stream).then().statusCode(200).extract().asString();
        String search = manager().queryParam("streamId", stream).get("/api/events").then().statusCode(200)
                .extract().asString();

        assertThat(body).doesNotContain(hash).contains("[redacted]").contains(stream);
        assertThat(search).doesNotContain(hash);
    }

    @Test
    void shouldCountDeadLetteredMessagesForManagers() {
        manager().get("/api/events/dead-letters").then().statusCode(200).body("count",
                greaterThanOrEqualTo(0));
    }

    private static RequestSpecification manager() {
        return given().auth().oauth2(TestTokens.manager());
    }

    private static List<Long> positions(RequestSpecification request) {
        return request.get("/api/events").then().statusCode(200).extract().jsonPath().getList("position", Long.class);
    }
}
