package dev.polyshop.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.DeadLetters;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import dev.polyshop.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * customer-service as a saga participant: the other services' events are recorded in the real event store, which
 * publishes them to this service; what it decides is read back from the event store.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CustomerRedisTestResource.class)
class CreditSagaTests {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    SagaDriver saga;

    @Inject
    DeadLetters deadLetters;

    @Test
    void shouldReserveTheOrderTotalFromTheCredit() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();

        RecordedEvent stockReserved = saga.reserveStock(order, customer, 3, "12.50");

        RecordedEvent reserved = awaitCreditEvent(customer, order);
        assertThat(reserved.type()).isEqualTo("CreditReserved");
        assertThat(reserved.data().get("amount").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(reserved.correlationId()).isEqualTo(order);
        assertThat(reserved.causationId()).isEqualTo(stockReserved.id().toString());
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("62.50");
    }

    @Test
    void shouldReserveWhenTheCreditIsExactlyTheTotal() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();

        saga.reserveStock(order, customer, 4, "25.00");

        assertThat(awaitCreditEvent(customer, order).type()).isEqualTo("CreditReserved");
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldFailWithInsufficientCreditAndLeaveTheCreditAsItWas() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();

        saga.reserveStock(order, customer, 1, "100.01");

        RecordedEvent failed = awaitCreditEvent(customer, order);
        assertThat(failed.type()).isEqualTo("CreditReservationFailed");
        assertThat(failed.data().get("reason").asText()).isEqualTo("INSUFFICIENT_CREDIT");
        assertThat(failed.data().get("amount").decimalValue()).isEqualByComparingTo("100.01");
        assertThat(failed.correlationId()).isEqualTo(order);
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldReleaseTheReservationWhenTheOrderIsRejected() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();
        saga.reserveStock(order, customer, 2, "20.00");
        awaitCreditEvent(customer, order);

        RecordedEvent rejected = saga.rejectOrder(order);

        List<RecordedEvent> events = awaitCreditEvents(customer, order, 2);
        assertThat(events).extracting(RecordedEvent::type).containsExactly("CreditReserved", "CreditReleased");
        RecordedEvent released = events.getLast();
        assertThat(released.data().get("amount").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(released.causationId()).isEqualTo(rejected.id().toString());
        assertThat(released.correlationId()).isEqualTo(order);
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldReleaseTheReservationWhenTheOrderIsCancelledAfterApproval() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();
        saga.reserveStock(order, customer, 1, "70.00");
        awaitCreditEvent(customer, order);
        saga.endOrder(order, "OrderApproved", Map.of("orderId", order, "total", new BigDecimal("70.00")));

        saga.cancelOrder(order, customer);

        assertThat(awaitCreditEvents(customer, order, 2)).extracting(RecordedEvent::type)
                .containsExactly("CreditReserved", "CreditReleased");
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldNotReleaseCreditThatWasNeverReserved() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();
        saga.reserveStock(order, customer, 1, "500.00");
        awaitCreditEvent(customer, order);

        saga.rejectOrder(order);
        awaitProcessedMarker(customer);

        assertThat(saga.creditEvents(customer, order)).extracting(RecordedEvent::type)
                .containsExactly("CreditReservationFailed");
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("99.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OrderRejected", "OrderCancelled"})
    void shouldNotKeepAReservationThatArrivesAfterItsOrderEnded(String ending) throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();
        saga.endOrder(order, ending, Map.of("orderId", order, "reason", "TIMEOUT", "by", customer));

        saga.reserveStock(order, customer, 1, "30.00");
        awaitProcessedMarker(customer);

        assertThat(saga.creditEvents(customer, order)).isEmpty();
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("99.00");
    }

    @Test
    void shouldReserveOnceHoweverOftenTheStockReservationArrives() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();
        AppendRequest request = SagaDriver.stockReserved(order, customer, 1, "10.00");

        AppendResult first = saga.append(request);
        AppendResult again = saga.append(request);
        RecordedEvent reserved = awaitCreditEvent(customer, order);
        saga.publishAgain(first.events().getFirst());
        saga.publishAgain(first.events().getFirst());
        saga.publishAgain(reserved);
        awaitProcessedMarker(customer);

        assertThat(again.duplicate()).isTrue();
        assertThat(saga.creditEvents(customer, order)).extracting(RecordedEvent::type)
                .containsExactly("CreditReserved");
        awaitProjectedMarker(customer);
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("89.00");
    }

    @Test
    void shouldReleaseOnceHoweverOftenTheOrderEnds() throws Exception {
        String customer = TestApi.registerCustomer();
        String order = SagaDriver.newOrderId();
        saga.reserveStock(order, customer, 1, "10.00");
        awaitCreditEvent(customer, order);
        RecordedEvent rejected = saga.rejectOrder(order);
        RecordedEvent released = awaitCreditEvents(customer, order, 2).getLast();

        saga.publishAgain(rejected);
        saga.publishAgain(released);
        saga.cancelOrder(order, "admin");
        awaitProcessedMarker(customer);

        assertThat(saga.creditEvents(customer, order)).extracting(RecordedEvent::type)
                .containsExactly("CreditReserved", "CreditReleased");
        awaitProjectedMarker(customer);
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("99.00");
    }

    @Test
    void shouldNeverLetTheCreditGoBelowZeroWhenManyOrdersCompete() throws Exception {
        String customer = TestApi.registerCustomer();
        List<String> orders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<RecordedEvent>> appended = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String order = SagaDriver.newOrderId();
            orders.add(order);
            appended.add(pool.submit(() -> saga.reserveStock(order, customer, 1, "30.00")));
        }
        for (Future<RecordedEvent> future : appended) {
            future.get();
        }
        pool.shutdown();

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                saga.customerStream(customer)).filteredOn(event -> event.type().startsWith("CreditReserv"))
                .hasSize(6));
        List<RecordedEvent> decisions = saga.customerStream(customer).stream()
                .filter(event -> event.type().startsWith("CreditReserv")).toList();
        assertThat(decisions).filteredOn(event -> event.type().equals("CreditReserved")).hasSize(3);
        assertThat(decisions).filteredOn(event -> event.type().equals("CreditReservationFailed")).hasSize(3);
        assertThat(decisions).extracting(event -> event.data().get("orderId").asText())
                .containsExactlyInAnyOrderElementsOf(orders);
        assertThat(TestApi.credit(customer)).isEqualByComparingTo("10.00");
    }

    @Test
    void shouldApplyCustomerEventsRecordedByAnotherInstance() throws Exception {
        String customer = TestApi.registerCustomer();
        long version = saga.customerStream(customer).getLast().version();

        saga.append(AppendRequest.to("customer", customer).expectingVersion(version)
                .events(NewEvent.of("CreditSet", Map.of("credit", new BigDecimal("42.42")))));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(TestApi.credit(customer))
                .isEqualByComparingTo("42.42"));
    }

    @Test
    void shouldDeadLetterAMalformedStockReservationAndGoOn() throws Exception {
        String customer = TestApi.registerCustomer();
        long before = deadLetters.count();
        RecordedEvent valid = saga.reserveStock(SagaDriver.newOrderId(), customer, 1, "1.00");
        ObjectNode withoutCustomer = valid.data().deepCopy();
        withoutCustomer.remove("customer");
        RecordedEvent malformed = new RecordedEvent(UUID.randomUUID(), valid.position(), valid.streamType(),
                valid.streamId(), valid.version(), valid.type(), withoutCustomer, valid.correlationId(), null,
                valid.producer(), valid.recordedAt());

        saga.publishAgain(malformed);

        await().atMost(DEADLINE).until(() -> deadLetters.count() > before);
        awaitProcessedMarker(customer);
    }

    /**
     * Sends one more, unrelated order of the customer and waits until its credit is decided: the saga queue is consumed
     * in order, so everything sent before it has been handled by then.
     */
    private void awaitProcessedMarker(String customer) throws Exception {
        String marker = SagaDriver.newOrderId();
        saga.reserveStock(marker, customer, 1, "1.00");
        awaitCreditEvent(customer, marker);
    }

    /**
     * Records a profile change as another instance would and waits until this service shows it: the projection queue
     * is consumed in order, so every event sent to it before has been applied by then.
     */
    private void awaitProjectedMarker(String customer) throws Exception {
        String fullName = "Marker " + SagaDriver.newOrderId().substring(0, 8);
        long version = saga.customerStream(customer).getLast().version();
        saga.append(AppendRequest.to("customer", customer).expectingVersion(version)
                .events(NewEvent.of("CustomerProfileUpdated", Map.of("fullName", fullName, "email",
                        customer + "@example.com"))));
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.manager())
                .when().get("/api/customers/{u}", customer)
                .then().statusCode(200).body("fullName", equalTo(fullName)));
    }

    private RecordedEvent awaitCreditEvent(String customer, String order) throws Exception {
        return awaitCreditEvents(customer, order, 1).getFirst();
    }

    private List<RecordedEvent> awaitCreditEvents(String customer, String order, int count) throws Exception {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> saga.creditEvents(customer, order).size() >= count);
        return saga.creditEvents(customer, order);
    }
}
