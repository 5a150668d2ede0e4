package dev.polyshop.product.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.ReplayEnd;
import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.Category;
import dev.polyshop.product.Product;
import dev.polyshop.product.RebuildReport;
import dev.polyshop.product.config.CatalogConfig;
import dev.polyshop.product.saga.CatalogConsumers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The catalog's tables are a projection: they can be emptied and made again from the event store, through the same
 * apply code the live consumers use, in position order. That happens when the service starts on an empty database and
 * when a manager asks. Meanwhile the catalog takes no changes (503) and its consumers pause; their queues were bound
 * before the replay, so whatever is recorded during it is applied afterwards (or skipped as already applied).
 * <p>
 * Other instances sharing the database keep running during a manager's rebuild; their decisions stay safe, because
 * each is appended against the version it read and a half-rebuilt row is behind the stream (a conflict, decided
 * again once the row caught up), but their reads may show a partial catalog for that long.
 */
@ApplicationScoped
public class CatalogRebuild {

    private static final Logger LOG = Logger.getLogger(CatalogRebuild.class);
    private static final List<String> TABLES = List.of("stock_reservation", "ended_order", "product", "category",
            "category_name");
    /** A MariaDB named lock: replicas sharing the database rebuild it one at a time. */
    private static final String LOCK = "polyshop_catalog_rebuild";
    private static final int LOCK_WAIT_SECONDS = 600;

    private final EventReplayer replayer;
    private final CatalogProjection projection;
    private final CatalogConsumers consumers;
    private final CategoryNames names;
    private final CatalogGate gate;
    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final CatalogConfig config;
    private final ReentrantLock rebuilding = new ReentrantLock();

    public CatalogRebuild(EventReplayer replayer, CatalogProjection projection, CatalogConsumers consumers,
            CategoryNames names, CatalogGate gate, EntityManager entityManager, DataSource dataSource,
            CatalogConfig config) {
        this.replayer = replayer;
        this.projection = projection;
        this.consumers = consumers;
        this.names = names;
        this.gate = gate;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Starts in the background: the event store may not be up yet, and health checks must answer meanwhile. */
    void onStart(@Observes StartupEvent start) {
        startInBackground(false);
    }

    /**
     * Binds the queues, rebuilds the tables if they are empty (or if told to), opens the gate and starts consuming;
     * tries again until that works.
     */
    private void startInBackground(boolean rebuildFirst) {
        Thread.ofPlatform().name("catalog-start").daemon().start(() -> {
            while (true) {
                try {
                    consumers.bindQueues();
                    if (rebuildFirst || isEmpty()) {
                        // Replicas starting together on an empty database: one rebuilds, the others find it full.
                        alone(() -> rebuildFirst || isEmpty() ? wipeAndReplay() : null);
                    }
                    gate.open();
                    consumers.start();
                    names.settleAll();
                    return;
                } catch (Exception e) {
                    LOG.warnf("the catalog could not start yet (%s); trying again in %s", e.getMessage(),
                            config.startRetryInterval());
                    if (!pause(config.startRetryInterval())) {
                        return;
                    }
                }
            }
        });
    }

    /**
     * Empties the tables and replays the catalog's streams. If the replay fails, the catalog stays closed to changes
     * (and not ready) while the rebuild is tried again in the background until it succeeds: nothing is decided on a
     * half-filled catalog.
     *
     * @throws ProblemException 409 if a rebuild is running already, 503 if the service has not started yet
     */
    public RebuildReport rebuild() throws Exception {
        if (!gate.isOpen()) {
            throw new ProblemException(503, "Service unavailable", "the catalog is starting or being rebuilt");
        }
        if (!rebuilding.tryLock()) {
            throw ProblemException.conflict("a rebuild is running already");
        }
        try {
            gate.close();
            consumers.stop();
            ReplayEnd end;
            try {
                end = alone(this::wipeAndReplay);
            } catch (Exception e) {
                LOG.errorf("the rebuild failed (%s); the catalog stays closed until a new attempt succeeds",
                        e.getMessage());
                startInBackground(true);
                throw e;
            }
            gate.open();
            consumers.start();
            names.settleAll();
            return QuarkusTransaction.requiringNew().call(() -> new RebuildReport(end.count(), end.lastPosition(),
                    Category.count("deleted = false"), Product.count("deleted = false")));
        } finally {
            rebuilding.unlock();
        }
    }

    private ReplayEnd wipeAndReplay() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> TABLES
                .forEach(table -> entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate()));
        return replay();
    }

    /** Runs the work holding the database's rebuild lock, which a replica's connection holds until it lets go or dies. */
    private <T> T alone(Callable<T> work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "SELECT GET_LOCK(?, " + LOCK_WAIT_SECONDS + ")")) {
                throw new IllegalStateException("another replica has been rebuilding the catalog for "
                        + LOCK_WAIT_SECONDS + " s");
            }
            try {
                return work.call();
            } finally {
                lock(connection, "SELECT RELEASE_LOCK(?)");
            }
        }
    }

    private static boolean lock(Connection connection, String statement) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(statement)) {
            query.setString(1, LOCK);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    private ReplayEnd replay() throws Exception {
        ReplayEnd end = replayer.replay(CatalogProjection.STREAM_TYPES, 0, projection::apply,
                config.replayIdleTimeout());
        LOG.infof("rebuilt the catalog from %d events (up to position %d)", end.count(), end.lastPosition());
        return end;
    }

    private boolean isEmpty() {
        return QuarkusTransaction.requiringNew().call(() -> TABLES.stream().allMatch(table -> ((Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue() == 0));
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
