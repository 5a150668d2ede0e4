package dev.polyshop.accounting;

import static dev.polyshop.accounting.SagaDriver.as;
import static dev.polyshop.accounting.SagaDriver.asManager;
import static dev.polyshop.accounting.SagaDriver.awaitInvoiceOf;
import static dev.polyshop.accounting.SagaDriver.awaitInvoiceStatus;
import static dev.polyshop.accounting.SagaDriver.newCustomer;
import static dev.polyshop.accounting.SagaDriver.sequenceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.InsertOptions;

import dev.polyshop.accounting.service.InvoiceService;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.testing.CouchbaseTestResource;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(CouchbaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class RebuildTests {

    @Inject
    EventStoreClient eventStore;

    @Inject
    RabbitMq rabbit;

    @Inject
    Collection bucket;

    SagaDriver saga;

    @BeforeEach
    void consuming() {
        SagaDriver.awaitConsuming();
        saga = new SagaDriver(eventStore, rabbit);
    }

    @Test
    void shouldHaveMarkedTheProjectionCompleteWhenItStartedOnAnEmptyBucket() {
        assertThat(bucket.get("projection-state").contentAsObject().getLong("lastPosition")).isNotNull();
    }

    @Test
    void shouldReproduceTheLiveStateFromTheEventStoreIntoAnEmptiedBucket() {
        String alice = newCustomer();
        String bob = newCustomer();
        UUID kept = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        saga.approve(kept, alice, 2, "10.10");
        saga.approve(cancelled, bob, 1, "99.99");
        saga.approve(another, alice, 5, "0.20");
        awaitInvoiceOf(cancelled);
        saga.cancel(cancelled, bob);
        awaitInvoiceStatus(cancelled, "CREDITED");
        int year = Instant.parse((String) awaitInvoiceOf(kept).get("issuedAt")).atZone(ZoneOffset.UTC).getYear();
        awaitInvoiceOf(another);
        Snapshot live = snapshot(year, alice, bob, cancelled);

        wipe(live.all());
        assertThat(snapshot(year, alice, bob, cancelled).all()).isEmpty();

        asManager().when().post("/api/admin/accounting/rebuild")
                .then().statusCode(200)
                .body("events", greaterThanOrEqualTo(4))
                .body("invoices", greaterThanOrEqualTo(3));

        assertThat(snapshot(year, alice, bob, cancelled)).isEqualTo(live);
        long lastOfTheYear = live.all().stream()
                .filter(invoice -> ((String) invoice.get("number")).startsWith("INV-" + year + "-"))
                .mapToLong(SagaDriver::sequenceOf).max().orElseThrow();
        UUID next = UUID.randomUUID();
        saga.approve(next, alice, 1, "1.00");
        assertThat(sequenceOf(awaitInvoiceOf(next))).isEqualTo(lastOfTheYear + 1);
    }

    @Test
    void shouldRefuseToRebuildWhileAnotherInstanceIsRebuilding() {
        bucket.insert("rebuild-claim", JsonObject.create().put("claimedAt", "by another instance"),
                InsertOptions.insertOptions().expiry(Duration.ofMinutes(1)));
        try {
            asManager().when().post("/api/admin/accounting/rebuild")
                    .then().statusCode(409).contentType("application/problem+json");
        } finally {
            remove("rebuild-claim");
        }
        asManager().when().post("/api/admin/accounting/rebuild").then().statusCode(200);
    }

    /** Everything the API shows of the accounting state. */
    private static Snapshot snapshot(int year, String alice, String bob, UUID order) {
        return new Snapshot(
                asManager().when().get("/api/invoices").then().statusCode(200).extract().jsonPath().getList("$"),
                as(alice).when().get("/api/invoices").then().statusCode(200).extract().jsonPath().getList("$"),
                as(bob).when().get("/api/invoices").then().statusCode(200).extract().jsonPath().getList("$"),
                asManager().when().get("/api/invoices/{id}", InvoiceService.invoiceIdOf(order)).then().extract()
                        .jsonPath().getMap("$"),
                SagaDriver.revenue(year).getMap("$"));
    }

    private record Snapshot(List<Map<String, Object>> all, List<Map<String, Object>> alices,
            List<Map<String, Object>> bobs, Map<String, Object> oneInvoice, Map<String, Object> revenue) {
    }

    /**
     * Deletes every document of the service, by the layout its README documents: the invoices, their number
     * reservations, the indexes, the counters and the completeness marker.
     */
    private void wipe(List<Map<String, Object>> invoices) {
        Set<String> customers = new LinkedHashSet<>();
        Set<Integer> years = new LinkedHashSet<>();
        for (Map<String, Object> invoice : invoices) {
            remove("invoice::" + invoice.get("id"));
            remove("invoice-number::" + invoice.get("id"));
            customers.add((String) invoice.get("customer"));
            years.add(Instant.parse((String) invoice.get("issuedAt")).atZone(ZoneOffset.UTC).getYear());
        }
        customers.forEach(customer -> remove("invoices-by-customer::" + customer));
        years.forEach(year -> {
            remove("invoices-by-year::" + year);
            remove("invoice-counter::" + year);
        });
        remove("invoice-years");
        remove("projection-state");
    }

    private void remove(String key) {
        try {
            bucket.remove(key);
        } catch (DocumentNotFoundException e) {
            // nothing to delete
        }
    }
}
