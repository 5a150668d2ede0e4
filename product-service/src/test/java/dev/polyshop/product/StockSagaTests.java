package dev.polyshop.product;

import static dev.polyshop.product.Catalog.asManager;
import static dev.polyshop.product.Catalog.createCategory;
import static dev.polyshop.product.Catalog.createProduct;
import static dev.polyshop.product.Catalog.product;
import static dev.polyshop.product.Catalog.unique;
import static dev.polyshop.product.Catalog.unitsInStock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyshop.eventstore.client.DeadLetters;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.testing.EventStoreTestResource;
import dev.polyshop.testing.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** product-service in the order saga, driven by the events the other participants would record. */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(JwtTestResource.class)
class StockSagaTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** How long a state must hold to count as settled, when what is awaited is that nothing happens. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Inject
    EventStoreClient eventStore;

    @Inject
    EventReplayer replayer;

    @Inject
    RabbitMq rabbit;

    @Inject
    DeadLetters deadLetters;

    private Orders orders;
    private String categoryId;
    private String shopper;

    @BeforeEach
    void setUp() {
        Catalog.awaitReady();
        orders = new Orders(eventStore, replayer, rabbit);
        categoryId = createCategory(unique("Saga"));
        shopper = Orders.shopper();
    }

    @Test
    void shouldReserveStockAtTheCurrentPrice() throws Exception {
        String productId = createProduct(categoryId, "Teapot", "12.50", 5);
        asManager().body(product(categoryId, "Teapot", "13.75", 5)).put("/api/products/" + productId)
                .then().statusCode(200);

        RecordedEvent placed = orders.place(shopper, productId, 2);

        RecordedEvent reserved = awaitAnswer(placed, "StockReserved");
        assertThat(reserved.streamId()).isEqualTo(productId);
        assertThat(reserved.causationId()).isEqualTo(placed.id().toString());
        assertThat(reserved.data().path("orderId").asText()).isEqualTo(placed.streamId());
        assertThat(reserved.data().path("customer").asText()).isEqualTo(shopper);
        assertThat(reserved.data().path("productId").asText()).isEqualTo(productId);
        assertThat(reserved.data().path("quantity").asInt()).isEqualTo(2);
        assertThat(reserved.data().path("unitPrice").decimalValue()).isEqualByComparingTo(new BigDecimal("13.75"));
        assertThat(reserved.data().path("productName").asText()).isEqualTo("Teapot");
        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 3);
    }

    @Test
    void shouldRefuseAnOrderForMoreThanTheStockBeforeAnyCreditIsAskedFor() throws Exception {
        String productId = createProduct(categoryId, "Vase", "40", 2);

        RecordedEvent placed = orders.place(shopper, productId, 3);

        RecordedEvent failed = awaitAnswer(placed, "StockReservationFailed");
        assertThat(failed.data().path("reason").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(failed.data().path("quantity").asInt()).isEqualTo(3);
        // No StockReserved: customer-service, which reacts to that, never weighs the credit, so out of stock wins.
        assertThat(orders.answerTypes(placed)).containsExactly("StockReservationFailed");
        assertThat(unitsInStock(productId)).isEqualTo(2);
    }

    @Test
    void shouldRefuseOrdersForAProductThatDoesNotExistOrWasDeleted() throws Exception {
        String unknown = UUID.randomUUID().toString();
        String deleted = createProduct(categoryId, "Old clock", "15", 3);
        asManager().delete("/api/products/" + deleted).then().statusCode(204);

        RecordedEvent first = orders.place(shopper, unknown, 1);
        assertThat(awaitAnswer(first, "StockReservationFailed").data().path("reason").asText())
                .isEqualTo("PRODUCT_NOT_FOUND");
        RecordedEvent second = orders.place(shopper, unknown, 1);
        RecordedEvent again = awaitAnswer(second, "StockReservationFailed");
        assertThat(again.streamType()).isEqualTo("missing-product");
        assertThat(again.streamId()).isEqualTo(second.streamId());
        assertThat(again.version()).isEqualTo(1);
        RecordedEvent third = orders.place(shopper, deleted, 1);
        RecordedEvent refusedOnItsStream = awaitAnswer(third, "StockReservationFailed");
        assertThat(refusedOnItsStream.data().path("reason").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(refusedOnItsStream.streamType()).isEqualTo("product");
        assertThat(refusedOnItsStream.streamId()).isEqualTo(deleted);
    }

    @Test
    void shouldRejectAnOrderForAnUnknownProductWithoutCreatingAProductStream() throws Exception {
        assertRefusedWithoutAProductStream(UUID.randomUUID().toString());
    }

    @Test
    void shouldRejectAnOrderForACategorysIdWithoutCreatingAProductStream() throws Exception {
        assertRefusedWithoutAProductStream(categoryId);
        given().get("/api/categories/" + categoryId).then().statusCode(200);
    }

    @Test
    void shouldChangeNothingWhenAnOrderForAnUnknownProductIsDeliveredAgain() throws Exception {
        String unknown = UUID.randomUUID().toString();
        long deadLettersBefore = deadLetters.count();
        RecordedEvent placed = orders.place(shopper, unknown, 1);
        RecordedEvent refused = awaitAnswer(placed, "StockReservationFailed");
        await().atMost(DEADLINE).until(() -> reservationOf(placed) != null);

        // As if the service had stopped between recording the refusal and projecting it: the order is decided again,
        // and the event store answers that the refusal's id is recorded already (DUPLICATE).
        QuarkusTransaction.requiringNew().run(() -> StockReservation.deleteById(placed.streamId()));
        orders.redeliver(placed);
        await().atMost(DEADLINE).until(() -> reservationOf(placed) != null);
        assertThat(reservationOf(placed).eventId).isEqualTo(refused.id().toString());
        orders.redeliver(placed);

        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> orders.answersTo(placed).stream().map(RecordedEvent::id).toList()
                        .equals(List.of(refused.id())) && deadLetters.count() == deadLettersBefore);
        assertThat(orders.productStream(unknown)).isEmpty();
    }

    @Test
    void shouldReleaseTheStockWhenTheCreditIsRefused() throws Exception {
        String productId = createProduct(categoryId, "Armchair", "250", 4);
        RecordedEvent placed = orders.place(shopper, productId, 3);
        awaitAnswer(placed, "StockReserved");
        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 1);

        orders.refuseCredit(placed.streamId(), shopper);

        RecordedEvent released = awaitAnswer(placed, "StockReleased");
        assertThat(released.data().path("quantity").asInt()).isEqualTo(3);
        assertThat(released.data().path("productId").asText()).isEqualTo(productId);
        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 4);
        orders.reject(placed.streamId(), "INSUFFICIENT_CREDIT");
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> count(placed, "StockReleased") == 1
                && unitsInStock(productId) == 4);
    }

    @Test
    void shouldReleaseTheStockWhenTheOrderIsCancelledOrRejected() throws Exception {
        String productId = createProduct(categoryId, "Rug", "80", 5);
        RecordedEvent cancelled = orders.place(shopper, productId, 2);
        RecordedEvent timedOut = orders.place(shopper, productId, 1);
        awaitAnswer(cancelled, "StockReserved");
        awaitAnswer(timedOut, "StockReserved");
        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 2);

        orders.cancel(cancelled.streamId(), shopper);
        orders.reject(timedOut.streamId(), "TIMEOUT");

        awaitAnswer(cancelled, "StockReleased");
        awaitAnswer(timedOut, "StockReleased");
        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 5);
    }

    @Test
    void shouldNotKeepStockForAnOrderThatEndedBeforeItsReservationWasAskedFor() throws Exception {
        String productId = createProduct(categoryId, "Lantern", "22", 3);
        String orderId = UUID.randomUUID().toString();
        orders.refuseCredit(orderId, shopper);
        await().atMost(DEADLINE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EndedOrder.findById(orderId) != null));

        RecordedEvent late = orders.place(shopper, productId, 1);
        assertThat(late.streamId()).isNotEqualTo(orderId);
        RecordedEvent lateForEndedOrder = orders.place(orderId, shopper, productId, 1);

        awaitAnswer(late, "StockReserved");
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> orders.answersTo(lateForEndedOrder).isEmpty() && unitsInStock(productId) == 2);
    }

    @Test
    void shouldGiveBackStockReservedForAnOrderCancelledMeanwhile() throws Exception {
        String productId = createProduct(categoryId, "Candle", "3", 10);

        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(orders.placeAndCancel(shopper, productId, 2).getFirst());
        }

        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 10 && recorded.stream().allMatch(placed -> {
            List<String> answers = answerTypesOf(placed);
            return answers.isEmpty() || answers.equals(List.of("StockReserved", "StockReleased"));
        }));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> unitsInStock(productId) == 10);
        for (RecordedEvent placed : recorded) {
            assertThat(orders.answerTypes(placed)).isIn(List.of(), List.of("StockReserved", "StockReleased"));
        }
    }

    @Test
    void shouldReserveNoMoreThanTheStockWhenOrdersForTheLastUnitsArriveTogether() throws Exception {
        int stock = 5;
        int buyers = 20;
        String productId = createProduct(categoryId, "Limited print", "99", stock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<RecordedEvent> placed = new ArrayList<>();
        try {
            List<Callable<RecordedEvent>> burst = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                burst.add(() -> orders.place(Orders.shopper(), productId, 1));
            }
            for (Future<RecordedEvent> order : pool.invokeAll(burst)) {
                placed.add(order.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long from = placed.stream().mapToLong(RecordedEvent::position).min().orElseThrow();

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(unitsInStock(productId)).isGreaterThanOrEqualTo(0);
            return decisions(productId, from).size() == buyers;
        });

        List<RecordedEvent> decisions = decisions(productId, from);
        assertThat(decisions).filteredOn(event -> event.type().equals("StockReserved")).hasSize(stock);
        assertThat(decisions).filteredOn(event -> event.type().equals("StockReservationFailed"))
                .hasSize(buyers - stock)
                .allSatisfy(event -> assertThat(event.data().path("reason").asText()).isEqualTo("OUT_OF_STOCK"));
        assertThat(decisions).extracting(event -> event.data().path("orderId").asText())
                .containsExactlyInAnyOrderElementsOf(placed.stream().map(RecordedEvent::streamId).toList());
        await().atMost(DEADLINE).until(() -> unitsInStock(productId) == 0);
        assertThat(lowestStockInTheLog(productId)).isZero();
    }

    @Test
    void shouldChangeNothingWhenAMessageIsDeliveredAgain() throws Exception {
        String productId = createProduct(categoryId, "Bell", "7", 3);
        RecordedEvent placed = orders.place(shopper, productId, 1);
        awaitAnswer(placed, "StockReserved");

        orders.redeliver(placed);
        orders.redeliver(placed);
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> orders.answerTypes(placed).equals(List.of("StockReserved"))
                        && unitsInStock(productId) == 2);

        RecordedEvent refused = orders.refuseCredit(placed.streamId(), shopper);
        awaitAnswer(placed, "StockReleased");
        orders.redeliver(refused);
        orders.redeliver(placed);
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> orders.answerTypes(placed).equals(List.of("StockReserved", "StockReleased"))
                        && unitsInStock(productId) == 3);
    }

    /**
     * An order for an id no product has: refused on the order's own missing-product stream, the reservation recorded
     * against the id ordered, no product stream of that id, nothing dead-lettered.
     */
    private void assertRefusedWithoutAProductStream(String productId) throws Exception {
        long deadLettersBefore = deadLetters.count();

        RecordedEvent placed = orders.place(shopper, productId, 2);

        RecordedEvent refused = awaitAnswer(placed, "StockReservationFailed");
        assertThat(refused.streamType()).isEqualTo("missing-product");
        assertThat(refused.streamId()).isEqualTo(placed.streamId());
        assertThat(refused.version()).isEqualTo(1);
        assertThat(refused.causationId()).isEqualTo(placed.id().toString());
        assertThat(refused.data().path("orderId").asText()).isEqualTo(placed.streamId());
        assertThat(refused.data().path("customer").asText()).isEqualTo(shopper);
        assertThat(refused.data().path("productId").asText()).isEqualTo(productId);
        assertThat(refused.data().path("quantity").asInt()).isEqualTo(2);
        assertThat(refused.data().path("reason").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        StockReservation reservation = await().atMost(DEADLINE).until(() -> reservationOf(placed),
                found -> found != null);
        assertThat(reservation.productId).isEqualTo(productId);
        assertThat(reservation.status).isEqualTo(ReservationStatus.FAILED);
        assertThat(reservation.reason).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(orders.productStream(productId)).isEmpty();
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> deadLetters.count() == deadLettersBefore);
    }

    private static StockReservation reservationOf(RecordedEvent placed) {
        return QuarkusTransaction.requiringNew().call(() -> StockReservation.findById(placed.streamId()));
    }

    private RecordedEvent awaitAnswer(RecordedEvent placed, String type) {
        return await().atMost(DEADLINE).until(() -> orders.answersTo(placed).stream()
                .filter(event -> event.type().equals(type)).findFirst(), found -> found.isPresent()).orElseThrow();
    }

    private long count(RecordedEvent placed, String type) throws Exception {
        return orders.answersTo(placed).stream().filter(event -> event.type().equals(type)).count();
    }

    private List<String> answerTypesOf(RecordedEvent placed) {
        try {
            return orders.answerTypes(placed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RecordedEvent> decisions(String productId, long from) throws Exception {
        return orders.productEventsAfter(from - 1).stream()
                .filter(event -> event.streamId().equals(productId))
                .filter(event -> event.type().startsWith("StockReserv")).toList();
    }

    /** Replays the product's stream: the stock after each of its events, the lowest of them. */
    private int lowestStockInTheLog(String productId) throws Exception {
        int stock = 0;
        int lowest = Integer.MAX_VALUE;
        for (RecordedEvent event : orders.productEventsAfter(0)) {
            if (!event.streamId().equals(productId)) {
                continue;
            }
            stock = switch (event.type()) {
                case "ProductCreated", "ProductUpdated" -> event.data().path("unitsInStock").asInt();
                case "StockReserved" -> stock - event.data().path("quantity").asInt();
                case "StockReleased" -> stock + event.data().path("quantity").asInt();
                default -> stock;
            };
            lowest = Math.min(lowest, stock);
        }
        return lowest;
    }
}
