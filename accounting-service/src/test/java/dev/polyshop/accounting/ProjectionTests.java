package dev.polyshop.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.accounting.repository.InvoiceNumbers;
import dev.polyshop.accounting.repository.InvoiceNumbers.Reservation;
import dev.polyshop.accounting.repository.InvoiceNumbers.ReservationInProgressException;
import dev.polyshop.accounting.repository.InvoiceRepository;
import dev.polyshop.accounting.service.InvoiceProjection;
import dev.polyshop.accounting.service.InvoiceProjection.ProjectionGapException;
import dev.polyshop.accounting.service.RebuildService;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.CouchbaseTestResource;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The projection and the numbering driven directly, with invoice events made up here (of 1990, so they stay out of
 * this year's numbers and revenue). They are not in the event store, so each test ends by rebuilding from it.
 */
@QuarkusTest
@WithTestResource(CouchbaseTestResource.class)
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class ProjectionTests {

    private static final int CONSUMERS = 8;

    @Inject
    InvoiceProjection projection;

    @Inject
    InvoiceRepository invoices;

    @Inject
    InvoiceNumbers numbers;

    @Inject
    RebuildService rebuilds;

    @BeforeEach
    void consuming() {
        SagaDriver.awaitConsuming();
    }

    @AfterEach
    void backToWhatTheEventStoreHolds() throws Exception {
        rebuilds.rebuild();
    }

    @Test
    void shouldApplyAnEventOnceWhenSeveralConsumersApplyItAtTheSameTime() throws Exception {
        UUID invoiceId = UUID.randomUUID();
        String customer = SagaDriver.newCustomer();
        RecordedEvent issued = issued(invoiceId, customer);
        RecordedEvent credited = event(invoiceId, 2, InvoiceCredited.TYPE, new InvoiceCredited(invoiceId, null));

        List<Boolean> issuing = all(() -> projection.apply(issued));
        Invoice afterIssue = invoices.find(invoiceId).orElseThrow();
        List<Boolean> crediting = all(() -> projection.apply(credited));

        assertThat(issuing).containsOnlyOnce(true);
        assertThat(afterIssue.version()).isEqualTo(1);
        assertThat(afterIssue.status()).isEqualTo(Invoice.Status.ISSUED);
        assertThat(crediting).containsOnlyOnce(true);
        assertThat(invoices.find(invoiceId).orElseThrow().status()).isEqualTo(Invoice.Status.CREDITED);
        assertThat(invoices.ofCustomer(customer)).extracting(Invoice::id).containsExactly(invoiceId);
    }

    @Test
    void shouldSkipVersionsItAppliedAndRefuseOnesThatComeTooEarly() {
        UUID invoiceId = UUID.randomUUID();
        RecordedEvent issued = issued(invoiceId, SagaDriver.newCustomer());
        RecordedEvent credited = event(invoiceId, 2, InvoiceCredited.TYPE, new InvoiceCredited(invoiceId, null));
        RecordedEvent later = event(invoiceId, 3, "InvoiceAnnotated", Map.of("note", "from a newer version"));

        assertThatThrownBy(() -> projection.apply(credited)).isInstanceOf(ProjectionGapException.class);
        assertThat(projection.apply(issued)).isTrue();
        assertThat(projection.apply(issued)).isFalse();
        assertThatThrownBy(() -> projection.apply(later)).isInstanceOf(ProjectionGapException.class);
        assertThat(projection.apply(credited)).isTrue();
        assertThat(projection.apply(credited)).isFalse();
        assertThat(projection.apply(later)).isTrue();

        Invoice invoice = invoices.find(invoiceId).orElseThrow();
        assertThat(invoice.version()).isEqualTo(3);
        assertThat(invoice.status()).isEqualTo(Invoice.Status.CREDITED);
        assertThat(invoice.total()).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void shouldDrawOneNumberWhenSeveralConsumersNumberTheSameInvoiceAtOnce() throws Exception {
        UUID invoiceId = UUID.randomUUID();

        List<Optional<Reservation>> reservations = all(() -> {
            try {
                return numbers.reserve(invoiceId, () -> false);
            } catch (ReservationInProgressException e) {
                return Optional.empty();
            }
        });
        UUID nextInvoice = UUID.randomUUID();
        Reservation next = numbers.reserve(nextInvoice, () -> false).orElseThrow();
        numbers.release(invoiceId);
        numbers.release(nextInvoice);

        List<String> drawn = reservations.stream().flatMap(Optional::stream).map(Reservation::number).toList();
        assertThat(drawn).isNotEmpty();
        assertThat(drawn).containsOnly(drawn.getFirst());
        assertThat(InvoiceNumber.parse(next.number()).sequence())
                .isEqualTo(InvoiceNumber.parse(drawn.getFirst()).sequence() + 1);
    }

    private static RecordedEvent issued(UUID invoiceId, String customer) {
        // 1E+1 is how the message JSON may carry 10.00: the projection stores it with two decimals.
        return event(invoiceId, 1, InvoiceIssued.TYPE, new InvoiceIssued(invoiceId, "INV-1990-000001",
                UUID.randomUUID(), customer, UUID.randomUUID().toString(), "Made up", 4, new BigDecimal("2.5"),
                new BigDecimal("1E+1"), Instant.parse("1990-06-15T12:00:00Z")));
    }

    private static RecordedEvent event(UUID invoiceId, long version, String type, Object data) {
        return new RecordedEvent(UUID.randomUUID(), version, "invoice", invoiceId.toString(), version, type,
                EventJson.tree(data), invoiceId.toString(), null, "tests", Instant.now());
    }

    /** Runs the same work on several threads released at once, as concurrent consumers would. */
    private static <T> List<T> all(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONSUMERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CONSUMERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
