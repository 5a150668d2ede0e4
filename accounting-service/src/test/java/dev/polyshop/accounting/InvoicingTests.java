package dev.polyshop.accounting;

import static dev.polyshop.accounting.SagaDriver.asManager;
import static dev.polyshop.accounting.SagaDriver.awaitInvoiceOf;
import static dev.polyshop.accounting.SagaDriver.awaitInvoiceStatus;
import static dev.polyshop.accounting.SagaDriver.invoicesOf;
import static dev.polyshop.accounting.SagaDriver.newCustomer;
import static dev.polyshop.accounting.SagaDriver.revenue;
import static dev.polyshop.accounting.SagaDriver.sequenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.accounting.service.InvoiceService;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.CouchbaseTestResource;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(CouchbaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class InvoicingTests {

    @Inject
    EventStoreClient eventStore;

    @Inject
    EventReplayer replayer;

    @Inject
    RabbitMq rabbit;

    SagaDriver saga;

    @BeforeEach
    void consuming() {
        SagaDriver.awaitConsuming();
        saga = new SagaDriver(eventStore, rabbit);
    }

    @Test
    void shouldIssueAnInvoiceWithTheApprovedOrdersFigures() {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        saga.approve(order, customer, 4, "2.50");

        Map<String, Object> invoice = awaitInvoiceOf(order);

        // BigDecimal.equals compares the scale too: the amounts come back with exactly two decimals.
        assertThat(invoice).containsEntry("id", InvoiceService.invoiceIdOf(order).toString())
                .containsEntry("orderId", order.toString())
                .containsEntry("customer", customer)
                .containsEntry("productName", "Product of " + customer)
                .containsEntry("quantity", 4)
                .containsEntry("unitPrice", new BigDecimal("2.50"))
                .containsEntry("total", new BigDecimal("10.00"))
                .containsEntry("status", "ISSUED")
                .containsEntry("creditedAt", null);
        int year = Instant.parse((String) invoice.get("issuedAt")).atZone(ZoneOffset.UTC).getYear();
        assertThat((String) invoice.get("number")).matches("INV-" + year + "-\\d{6}");
    }

    @Test
    void shouldNumberTheInvoicesOfAYearSequentially() {
        String customer = newCustomer();
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        orders.forEach(order -> saga.approve(order, customer, 1, "10.00"));

        List<Long> sequences = new ArrayList<>();
        for (UUID order : orders) {
            sequences.add(sequenceOf(awaitInvoiceOf(order)));
        }

        long first = sequences.getFirst();
        assertThat(sequences).containsExactly(first, first + 1, first + 2, first + 3);
    }

    @Test
    void shouldIssueExactlyOneInvoiceWhenTheApprovalIsDeliveredTwice() throws Exception {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        RecordedEvent approval = saga.approve(order, customer, 2, "12.50");
        Map<String, Object> invoice = awaitInvoiceOf(order);

        AppendResult again = saga.append(AppendRequest.to("order", order.toString()).correlatedWith(order.toString())
                .events(new NewEvent(approval.id(), approval.type(), approval.data())));
        saga.republish(approval);
        saga.republish(approval);
        UUID later = UUID.randomUUID();
        saga.approve(later, customer, 1, "1.00");
        Map<String, Object> laterInvoice = awaitInvoiceOf(later);

        assertThat(again.duplicate()).isTrue();
        assertThat(invoicesOf(order)).containsExactly(invoice);
        // The queue is handled in order, so the copies came before the later approval, and they drew no number.
        assertThat(sequenceOf(laterInvoice)).isEqualTo(sequenceOf(invoice) + 1);
        assertThat(invoiceEventsOf(order)).containsExactly("InvoiceIssued");
    }

    @Test
    void shouldIssueOneInvoicePerOrderEvenForASecondApprovalEvent() throws Exception {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        saga.approve(order, customer, 1, "5.00");
        Map<String, Object> invoice = awaitInvoiceOf(order);

        saga.record(order, SagaDriver.approval(order, customer, 1, "5.00"));
        UUID later = UUID.randomUUID();
        saga.approve(later, customer, 1, "1.00");
        Map<String, Object> laterInvoice = awaitInvoiceOf(later);

        assertThat(invoicesOf(order)).containsExactly(invoice);
        assertThat(sequenceOf(laterInvoice)).isEqualTo(sequenceOf(invoice) + 1);
        assertThat(invoiceEventsOf(order)).containsExactly("InvoiceIssued");
    }

    @Test
    void shouldIssueNoInvoiceForARejectedOrder() throws Exception {
        String customer = newCustomer();
        UUID rejected = UUID.randomUUID();
        saga.reject(rejected, customer);
        UUID cancelledWhilePending = UUID.randomUUID();
        saga.record(cancelledWhilePending, NewEvent.of("OrderPlaced", Map.of("orderId",
                cancelledWhilePending.toString(), "customer", customer)));
        saga.cancel(cancelledWhilePending, customer);
        UUID later = UUID.randomUUID();
        saga.approve(later, customer, 1, "1.00");
        awaitInvoiceOf(later);

        assertThat(invoicesOf(rejected)).isEmpty();
        assertThat(invoicesOf(cancelledWhilePending)).isEmpty();
        asManager().when().get("/api/invoices/{id}", InvoiceService.invoiceIdOf(rejected))
                .then().statusCode(404);
        assertThat(invoiceEventsOf(rejected)).isEmpty();
    }

    @Test
    void shouldCreditTheInvoiceAndLowerTheRevenueWhenAnApprovedOrderIsCancelled() throws Exception {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        saga.approve(order, customer, 3, "7.25");
        Map<String, Object> issued = awaitInvoiceOf(order);
        Instant issuedAt = Instant.parse((String) issued.get("issuedAt"));
        int year = issuedAt.atZone(ZoneOffset.UTC).getYear();
        int month = issuedAt.atZone(ZoneOffset.UTC).getMonthValue();
        JsonPath before = revenue(year);

        saga.cancel(order, customer);
        Map<String, Object> credited = awaitInvoiceStatus(order, "CREDITED");
        JsonPath after = revenue(year);

        assertThat(credited).containsEntry("number", issued.get("number"))
                .containsEntry("total", new BigDecimal("21.75"));
        assertThat(credited.get("creditedAt")).isNotNull();
        assertThat(before.getObject("total", BigDecimal.class).subtract(after.getObject("total", BigDecimal.class)))
                .isEqualByComparingTo("21.75");
        assertThat(before.getInt("invoiceCount") - after.getInt("invoiceCount")).isEqualTo(1);
        String inMonth = "months.find { it.month == " + month + " }.";
        assertThat(before.getObject(inMonth + "total", BigDecimal.class)
                .subtract(after.getObject(inMonth + "total", BigDecimal.class))).isEqualByComparingTo("21.75");
        assertThat(invoiceEventsOf(order)).containsExactly("InvoiceIssued", "InvoiceCredited");
    }

    @Test
    void shouldCreditAtOnceTheInvoiceOfAnOrderWhoseCancellationArrivedBeforeItsApproval() throws Exception {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        BigDecimal revenueBefore = revenue(year).getObject("total", BigDecimal.class);

        saga.cancel(order, customer);
        saga.record(order, SagaDriver.approval(order, customer, 2, "4.00"));

        awaitInvoiceStatus(order, "CREDITED");
        assertThat(invoiceEventsOf(order)).containsExactly("InvoiceIssued", "InvoiceCredited");
        assertThat(revenue(year).getObject("total", BigDecimal.class)).isEqualByComparingTo(revenueBefore);
    }

    @Test
    void shouldCreditOnceWhenTheCancellationIsDeliveredTwice() throws Exception {
        String customer = newCustomer();
        UUID order = UUID.randomUUID();
        saga.approve(order, customer, 1, "3.00");
        awaitInvoiceOf(order);
        RecordedEvent cancellation = saga.cancel(order, customer);
        awaitInvoiceStatus(order, "CREDITED");

        saga.republish(cancellation);
        UUID later = UUID.randomUUID();
        saga.approve(later, customer, 1, "1.00");
        awaitInvoiceOf(later);

        assertThat(invoiceEventsOf(order)).containsExactly("InvoiceIssued", "InvoiceCredited");
    }

    /** The types of the events recorded on the order's invoice stream, read back from the event store. */
    private List<String> invoiceEventsOf(UUID order) throws Exception {
        String invoiceStream = InvoiceService.invoiceIdOf(order).toString();
        List<String> types = new ArrayList<>();
        replayer.replay(List.of("invoice"), 0, event -> {
            if (event.streamId().equals(invoiceStream)) {
                types.add(event.type());
            }
        }, Duration.ofSeconds(10));
        return types;
    }
}
