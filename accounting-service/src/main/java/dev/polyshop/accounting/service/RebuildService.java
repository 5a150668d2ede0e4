package dev.polyshop.accounting.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.accounting.InvoiceIssued;
import dev.polyshop.accounting.config.AccountingConfig;
import dev.polyshop.accounting.repository.InvoiceRepository;
import dev.polyshop.accounting.repository.ProjectionState;
import dev.polyshop.accounting.saga.AccountingSubscriptions;
import dev.polyshop.eventstore.client.EventReplayer;
import dev.polyshop.eventstore.client.ReplayEnd;
import dev.polyshop.problems.ProblemException;

/**
 * Rebuilds the bucket from the event store: stops consuming, waits for the handlers under way, deletes every invoice
 * document and index, replays every {@code invoice} event from position 0 through the projection, and consumes again.
 * One instance at a time rebuilds; the others wait for a complete projection before they consume. Instances that are
 * consuming meanwhile are not stopped, so a manager rebuilds with the service scaled to one instance. What arrived meanwhile waits in the durable queues and is then applied (or skipped as seen). A rebuild
 * that fails leaves the consumers stopped and the projection marked incomplete; {@link ConsumerSupervisor} then
 * rebuilds again.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** After this, a rebuild claim is taken to belong to an instance that died. */
    private static final Duration LONGEST_REBUILD = Duration.ofMinutes(15);

    private final InvoiceRepository invoices;
    private final ProjectionState state;
    private final InvoiceProjection projection;
    private final EventReplayer replayer;
    private final AccountingSubscriptions subscriptions;
    private final ProcessingGate gate;
    private final Duration idleTimeout;
    private final AtomicBoolean running = new AtomicBoolean();

    public RebuildService(InvoiceRepository invoices, ProjectionState state,
            InvoiceProjection projection, EventReplayer replayer, AccountingSubscriptions subscriptions,
            ProcessingGate gate, AccountingConfig config) {
        this.invoices = invoices;
        this.state = state;
        this.projection = projection;
        this.replayer = replayer;
        this.subscriptions = subscriptions;
        this.gate = gate;
        this.idleTimeout = config.replayIdleTimeout();
    }

    /** @throws ProblemException 409 while another rebuild runs */
    public Result rebuild() throws Exception {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("a rebuild is running already");
        }
        try {
            if (!state.claimRebuild(LONGEST_REBUILD)) {
                throw ProblemException.conflict("another instance is rebuilding the bucket");
            }
            try {
                subscriptions.close();
                Result result = gate.exclusively(this::wipeAndReplay);
                subscriptions.open();
                return result;
            } finally {
                state.releaseRebuild();
            }
        } finally {
            running.set(false);
        }
    }

    public boolean isRunning() { return running.get(); }

    /** At start: a bucket without a complete projection (empty, or an interrupted rebuild) is rebuilt. */
    public boolean rebuildIfIncomplete() throws Exception {
        if (state.find().isPresent()) {
            return false;
        }
        LOG.info("no complete projection in the bucket: rebuilding it from the event store");
        rebuild();
        return true;
    }

    private Result wipeAndReplay() throws Exception {
        long started = System.nanoTime();
        state.markIncomplete();
        int deleted = wipe();
        AtomicLong issued = new AtomicLong();
        ReplayEnd end = replayer.replay(List.of(InvoiceProjection.STREAM_TYPE), 0, event -> {
            if (projection.apply(event) && InvoiceIssued.TYPE.equals(event.type())) {
                issued.incrementAndGet();
            }
        }, idleTimeout);
        state.markComplete(end.lastPosition());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("rebuilt %d invoices from %d events (up to position %d; %d deleted first) in %d ms", issued.get(),
                end.count(), end.lastPosition(), deleted, millis);
        return new Result(end.count(), issued.get(), end.lastPosition());
    }

    /**
     * Deletes everything the projection owns. The counters stay: one moved back while another instance numbers an
     * invoice could give a number twice. Into an emptied bucket, the replay itself moves them up to the last number
     * recorded.
     */
    private int wipe() {
        return invoices.deleteAll().size();
    }

    /**
     * @param events events replayed
     * @param invoices invoices issued by them
     * @param lastPosition the position of the last event replayed
     */
    public record Result(long events, long invoices, long lastPosition) {
    }
}
