package dev.polyshop.accounting;

import static dev.polyshop.accounting.SagaDriver.as;
import static dev.polyshop.accounting.SagaDriver.asManager;
import static dev.polyshop.accounting.SagaDriver.awaitInvoiceOf;
import static dev.polyshop.accounting.SagaDriver.newCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.accounting.service.InvoiceService;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.testing.CouchbaseTestResource;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(CouchbaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class InvoiceAccessTests {

    @Inject
    EventStoreClient eventStore;

    @Inject
    RabbitMq rabbit;

    SagaDriver saga;

    @BeforeEach
    void consuming() {
        SagaDriver.awaitConsuming();
        saga = new SagaDriver(eventStore, rabbit);
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        String anyId = UUID.randomUUID().toString();
        given().when().get("/api/invoices").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/invoices/{id}", anyId).then().statusCode(401);
        given().queryParam("year", 2026).when().get("/api/revenue").then().statusCode(401);
        given().when().post("/api/admin/accounting/rebuild").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("alice")).when().get("/api/invoices").then().statusCode(401);
    }

    @Test
    void shouldAnswer403ToACustomerAskingForRevenueOrARebuild() {
        as("alice").queryParam("year", 2026).when().get("/api/revenue")
                .then().statusCode(403).contentType("application/problem+json");
        as("alice").when().post("/api/admin/accounting/rebuild").then().statusCode(403);
    }

    @Test
    void shouldListOnlyTheCustomersOwnInvoicesNewestFirst() {
        String alice = newCustomer();
        String bob = newCustomer();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        saga.approve(first, alice, 1, "2.00");
        saga.approve(bobs, bob, 1, "3.00");
        saga.approve(second, alice, 1, "4.00");
        awaitInvoiceOf(first);
        awaitInvoiceOf(bobs);
        awaitInvoiceOf(second);

        List<String> orders = as(alice).when().get("/api/invoices")
                .then().statusCode(200).extract().jsonPath().getList("orderId");

        assertThat(orders).containsExactly(second.toString(), first.toString());
    }

    @Test
    void shouldAnswer404ToACustomerAskingForSomeoneElsesInvoice() {
        String alice = newCustomer();
        UUID order = UUID.randomUUID();
        saga.approve(order, alice, 1, "2.00");
        String id = (String) awaitInvoiceOf(order).get("id");

        as(alice).when().get("/api/invoices/{id}", id).then().statusCode(200).body("orderId", equalTo(
                order.toString()));
        as(newCustomer()).when().get("/api/invoices/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        as(newCustomer()).queryParam("orderId", order.toString()).when().get("/api/invoices")
                .then().statusCode(200).body("$", hasSize(0));
        as(alice).queryParam("orderId", order.toString()).when().get("/api/invoices")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void shouldLetAManagerSeeEveryInvoiceNewestFirst() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        saga.approve(older, newCustomer(), 1, "2.00");
        saga.approve(newer, newCustomer(), 1, "2.00");
        String olderId = (String) awaitInvoiceOf(older).get("id");
        String newerId = (String) awaitInvoiceOf(newer).get("id");

        List<Map<String, Object>> all = asManager().when().get("/api/invoices")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<Object> ids = all.stream().map(invoice -> invoice.get("id")).toList();

        assertThat(ids).contains(olderId, newerId);
        assertThat(ids.indexOf(newerId)).isLessThan(ids.indexOf(olderId));
        asManager().when().get("/api/invoices/{id}", olderId).then().statusCode(200).body("id", equalTo(olderId));
    }

    @Test
    void shouldAnswer404ForAnUnknownInvoiceAnd400ForAMalformedId() {
        asManager().when().get("/api/invoices/{id}", UUID.randomUUID()).then().statusCode(404);
        asManager().when().get("/api/invoices/{id}", InvoiceService.invoiceIdOf(UUID.randomUUID()))
                .then().statusCode(404);
        asManager().when().get("/api/invoices/{id}", "not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        asManager().queryParam("orderId", "42").when().get("/api/invoices")
                .then().statusCode(400).body("errors[0].field", equalTo("orderId"));
    }
}
