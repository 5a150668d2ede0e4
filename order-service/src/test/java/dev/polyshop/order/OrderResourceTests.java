package dev.polyshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.PostgresDatabaseTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresDatabaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class OrderResourceTests {

    @Inject
    Participants participants;

    @Test
    void shouldAnswer401WithoutATokenAnd403ToAManagerPlacingAnOrder() {
        given().contentType("application/json").body(Map.of("productId", Participants.newProduct()))
                .post("/api/orders").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.manager()).contentType("application/json")
                .body(Map.of("productId", Participants.newProduct())).post("/api/orders").then().statusCode(403);
    }

    @Test
    void shouldDefaultTheQuantityToOne() {
        given().auth().oauth2(TestTokens.customer("ivy")).contentType("application/json")
                .body(Map.of("productId", Participants.newProduct())).post("/api/orders").then().statusCode(202)
                .body("quantity", equalTo(1)).body("stockStatus", equalTo("PENDING"))
                .body("creditStatus", equalTo("PENDING")).body("history[0].status", equalTo("PENDING"));
    }

    @Test
    void shouldRejectInvalidInputNamingEachField() {
        given().auth().oauth2(TestTokens.customer("ivy")).contentType("application/json")
                .body(Map.of("productId", "not-a-uuid", "quantity", 101)).post("/api/orders").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("productId")).body("errors.field", hasItem("quantity"));
        given().auth().oauth2(TestTokens.customer("ivy")).contentType("application/json")
                .body(Map.of("productId", Participants.newProduct(), "quantity", 0)).post("/api/orders").then()
                .statusCode(400).body("errors.field", hasItem("quantity"));
        given().auth().oauth2(TestTokens.customer("ivy")).get("/api/orders/{id}", "nope").then().statusCode(400);
    }

    @Test
    void shouldHideAnotherCustomersOrderAsNotFound() {
        String order = OrderSagaTests.place("jack", Participants.newProduct(), 1);

        given().auth().oauth2(TestTokens.customer("kate")).get("/api/orders/{id}", order).then().statusCode(404);
        given().auth().oauth2(TestTokens.customer("kate")).post("/api/orders/{id}/cancel", order).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.manager()).get("/api/orders/{id}", order).then().statusCode(200)
                .body("customer", equalTo("jack"));
    }

    @Test
    void shouldListOwnOrdersNewestFirstAndAllOrdersForManagers() {
        String first = OrderSagaTests.place("liam", Participants.newProduct(), 1);
        String second = OrderSagaTests.place("liam", Participants.newProduct(), 2);
        String other = OrderSagaTests.place("mona", Participants.newProduct(), 1);

        List<String> own = given().auth().oauth2(TestTokens.customer("liam")).get("/api/orders").then()
                .statusCode(200).extract().jsonPath().getList("id");
        List<String> all = given().auth().oauth2(TestTokens.manager()).get("/api/orders").then().statusCode(200)
                .extract().jsonPath().getList("id");
        List<String> filtered = given().auth().oauth2(TestTokens.manager()).queryParam("customer", "mona")
                .get("/api/orders").then().statusCode(200).extract().jsonPath().getList("id");

        assertThat(own).containsExactly(second, first);
        assertThat(all).contains(first, second, other);
        assertThat(filtered).containsExactly(other);
    }

    @Test
    void shouldCancelAPendingOrderAndRefuseToCancelItTwice() {
        String order = OrderSagaTests.place("nina", Participants.newProduct(), 1);

        given().auth().oauth2(TestTokens.customer("nina")).post("/api/orders/{id}/cancel", order).then()
                .statusCode(202).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(TestTokens.customer("nina")).post("/api/orders/{id}/cancel", order).then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldLetAManagerCancelAnApprovedOrder() {
        String product = Participants.newProduct();
        String order = OrderSagaTests.place("omar", product, 1);
        participants.stockReserved(order, product, 1, "4.5");
        participants.creditReserved(order, "omar", "4.5");
        OrderSagaTests.awaitStatus("omar", order, "APPROVED");

        given().auth().oauth2(TestTokens.manager()).post("/api/orders/{id}/cancel", order).then().statusCode(202)
                .body("status", equalTo("CANCELLED")).body("history[-1].detail", equalTo("Order cancelled by admin"));
    }

    @Test
    void shouldRebuildTheSameOrdersFromTheEventStore() {
        String product = Participants.newProduct();
        String approved = OrderSagaTests.place("pete", product, 2);
        participants.stockReserved(approved, product, 2, "1.10");
        participants.creditReserved(approved, "pete", "2.20");
        OrderSagaTests.awaitStatus("pete", approved, "APPROVED");
        String cancelled = OrderSagaTests.place("pete", Participants.newProduct(), 1);
        given().auth().oauth2(TestTokens.customer("pete")).post("/api/orders/{id}/cancel", cancelled).then()
                .statusCode(202);
        String before = given().auth().oauth2(TestTokens.customer("pete")).get("/api/orders").then()
                .statusCode(200).extract().asString();

        given().auth().oauth2(TestTokens.manager()).post("/api/admin/orders/rebuild").then().statusCode(200);

        String after = given().auth().oauth2(TestTokens.customer("pete")).get("/api/orders").then()
                .statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before);
        given().auth().oauth2(TestTokens.customer("pete")).post("/api/admin/orders/rebuild").then().statusCode(403);
    }
}
