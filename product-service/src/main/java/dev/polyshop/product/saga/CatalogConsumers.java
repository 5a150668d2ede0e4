package dev.polyshop.product.saga;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.Channel;

import dev.polyshop.eventstore.client.EventSubscriber;
import dev.polyshop.eventstore.client.RabbitMq;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.Subscription;
import dev.polyshop.eventstore.client.Topology;
import dev.polyshop.product.config.CatalogConfig;
import dev.polyshop.product.event.OrderEvents;
import dev.polyshop.product.event.ProductEvents;
import dev.polyshop.product.service.CatalogGate;
import dev.polyshop.product.service.CatalogProjection;
import dev.polyshop.product.service.StockService;

/**
 * The two durable queues product-service consumes: its projection (every category, category-name, product and
 * missing-product event, its own included, applied in stream order) and its part of the saga (orders placed, and
 * orders that ended). They are separate so that a saga decision waiting for the projection to catch up never waits
 * behind itself. Both handlers are idempotent by themselves (version checks, the reservation table, derived event
 * ids): no inbox.
 */
@ApplicationScoped
public class CatalogConsumers {

    public static final String PROJECTION_QUEUE = "product-service.projection";
    public static final String SAGA_QUEUE = "product-service.saga";
    static final List<String> PROJECTION_KEYS = List.of("category.*", "category-name.*", "product.*",
            ProductEvents.MISSING_PRODUCT_STREAM_TYPE + ".*");
    static final List<String> SAGA_KEYS = List.of("order." + OrderEvents.ORDER_PLACED,
            "order." + OrderEvents.ORDER_REJECTED, "order." + OrderEvents.ORDER_CANCELLED,
            "customer." + OrderEvents.CREDIT_RESERVATION_FAILED);

    private final RabbitMq rabbit;
    private final EventSubscriber subscriber;
    private final CatalogProjection projection;
    private final StockService stock;
    private final CatalogGate gate;
    private final int sagaConsumers;
    private final List<Subscription> running = new ArrayList<>();

    public CatalogConsumers(RabbitMq rabbit, EventSubscriber subscriber, CatalogProjection projection,
            StockService stock, CatalogGate gate, CatalogConfig config) {
        this.rabbit = rabbit;
        this.subscriber = subscriber;
        this.projection = projection;
        this.stock = stock;
        this.gate = gate;
        this.sagaConsumers = config.sagaConsumers();
    }

    /**
     * Declares both queues and binds them, without consuming yet: what is recorded from now on waits in them, so a
     * rebuild that starts afterwards misses nothing.
     */
    public void bindQueues() throws IOException {
        Topology topology = rabbit.topology();
        try (Channel channel = rabbit.channel()) {
            bind(channel, topology, PROJECTION_QUEUE, PROJECTION_KEYS);
            bind(channel, topology, SAGA_QUEUE, SAGA_KEYS);
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not close a channel in time", e);
        }
    }

    private static void bind(Channel channel, Topology topology, String queue, List<String> keys) throws IOException {
        String name = topology.declareWorkQueue(channel, queue);
        for (String key : keys) {
            channel.queueBind(name, topology.eventsExchange(), key);
        }
    }

    public synchronized void start() throws IOException {
        if (!running.isEmpty()) {
            return;
        }
        try {
            running.add(subscriber.subscribe(PROJECTION_QUEUE, PROJECTION_KEYS, this::onCatalogEvent));
            for (int i = 0; i < sagaConsumers; i++) {
                running.add(subscriber.subscribe(SAGA_QUEUE, SAGA_KEYS, this::onSagaEvent));
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops consuming; unacknowledged messages go back to their queues and wait there. */
    public synchronized void stop() {
        running.forEach(Subscription::close);
        running.clear();
    }

    void onCatalogEvent(RecordedEvent event) {
        gate.pass(() -> projection.apply(event));
    }

    void onSagaEvent(RecordedEvent event) {
        gate.pass(() -> {
            if (OrderEvents.ORDER_PLACED.equals(event.type())) {
                stock.reserve(event);
            } else if (OrderEvents.endsOrder(event)) {
                stock.orderEnded(event);
            }
            return null;
        });
    }
}
