package dev.polyshop.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Makes the H2 backend durable. MVStore on its own commits at most once a second and never fsyncs, so a killed launcher
 * lost writes it had acknowledged. Here a write whose write concern asks for the journal ({@code j: true} or
 * {@code w: "majority"}) is answered only once a commit that started after it has been synced to disk. One committer
 * thread does the commits: every write waiting at that moment is released by the same fsync (group commit). Writes
 * without the journal are answered at once, as on mongod, and become durable with the next commit, at most a second
 * later.
 * <p>
 * H2Backend updates a collection's data map and its index maps one after the other, so a commit between the two would
 * store half a write. Writes therefore run under the shared side of a read-write lock and the commit under its
 * exclusive side; the fsync runs outside it, so writers carry on meanwhile.
 * <p>
 * Once a commit or a sync has failed, nothing is known about what reached the disk: the waiting writes get a write
 * concern error, and every later write is refused.
 */
final class GroupCommitBackend extends DelegatingBackend {

    /** Every command of mongo-java-server that changes data or metadata, in lower case. */
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");
    private static final Set<String> WRITING_AGGREGATION_STAGES = Set.of("$out", "$merge");
    /** mongod's code for a write that was applied but could not be made as durable as asked. */
    private static final int WRITE_CONCERN_FAILED = 64;
    /** The longest a write without the journal stays unsynced, like mongod's default journal commit interval. */
    private static final Duration MAX_UNSYNCED = Duration.ofSeconds(1);
    /** Without MVStore's background housekeeping, nothing else would ever rewrite half-empty chunks. */
    private static final Duration COMPACT_EVERY = Duration.ofSeconds(10);

    private final Journal journal;
    private final ReadWriteLock commitBarrier = new ReentrantReadWriteLock();
    private final Lock state = new ReentrantLock();
    private final Condition commitRequested = state.newCondition();
    private final Condition commitCompleted = state.newCondition();
    private final Thread committer;

    /** Commits started and completed (each after its sync); guarded by {@link #state}. */
    private long started;
    private long completed;
    private boolean requested;
    private boolean closing;
    private boolean stopped;
    /** The first failed commit or sync; sticky. Volatile so that writes can be refused without taking the lock. */
    private volatile RuntimeException failure;
    /** Only read and written by the committer thread. */
    private long lastCompaction = System.nanoTime();

    private GroupCommitBackend(MongoBackend delegate, Journal journal) {
        super(delegate);
        this.journal = journal;
        committer = new Thread(this::runCommitter, "mongo-group-commit");
        // The server's own threads decide how long the JVM lives; close() stops this one.
        committer.setDaemon(true);
    }

    /** Wraps {@code delegate}, whose data lives in {@code journal}, and starts the committer thread. */
    static GroupCommitBackend start(MongoBackend delegate, Journal journal) {
        GroupCommitBackend backend = new GroupCommitBackend(delegate, journal);
        backend.committer.start();
        return backend;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!isWrite(command, query)) {
            return journal.read(() -> super.handleCommand(channel, database, command, query));
        }
        refuseAfterFailure();
        Document reply = applyWithinCommitBarrier(() -> super.handleCommand(channel, database, command, query));
        if (!isJournaled(query)) {
            return reply;
        }
        RuntimeException error = awaitDurable(requestCommit());
        return error == null ? reply : withWriteConcernError(reply, error);
    }

    /** Legacy OP_QUERY reads; legacy commands arrive through {@link #handleCommand}. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return journal.read(() -> super.handleQuery(query));
    }

    /** Lets the committer take a last commit and sync, which releases every waiting write, then closes the store. */
    @Override
    public void close() {
        state.lock();
        try {
            closing = true;
            commitRequested.signal();
        } finally {
            state.unlock();
        }
        joinCommitter();
        super.close();
    }

    private static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        return WRITE_COMMANDS.contains(name) || name.equals("aggregate") && writesOutput(query);
    }

    private static boolean writesOutput(Document query) {
        return query.get("pipeline") instanceof List<?> stages && stages.stream()
                .anyMatch(stage -> stage instanceof Document document
                        && document.keySet().stream().anyMatch(WRITING_AGGREGATION_STAGES::contains));
    }

    /**
     * The drivers send the write concern inside the command. None at all (the driver's ACKNOWLEDGED) means the
     * server's default, which on mongod does not wait for the journal either.
     */
    static boolean isJournaled(Document query) {
        if (!(query.get("writeConcern") instanceof Document concern)) {
            return false;
        }
        return Utils.isTrue(concern.get("j")) || Utils.isTrue(concern.get("fsync"))
                || "majority".equals(concern.get("w"));
    }

    private void refuseAfterFailure() {
        RuntimeException error = failure;
        if (error != null) {
            throw new MongoServerException("writes are refused since a commit to disk failed: " + error, error);
        }
    }

    private Document applyWithinCommitBarrier(Supplier<Document> write) {
        commitBarrier.readLock().lock();
        try {
            return write.get();
        } finally {
            commitBarrier.readLock().unlock();
        }
    }

    /** Returns the number of the first commit that starts after now, and so after the caller's write. */
    private long requestCommit() {
        state.lock();
        try {
            requested = true;
            commitRequested.signal();
            return started + 1;
        } finally {
            state.unlock();
        }
    }

    /** Waits until commit {@code generation} has been synced; returns why it never will be, or null. */
    private RuntimeException awaitDurable(long generation) {
        state.lock();
        try {
            while (completed < generation && failure == null && !stopped) {
                commitCompleted.awaitUninterruptibly();
            }
            if (failure != null) {
                return failure;
            }
            return completed < generation
                    ? new IllegalStateException("the server closed before the write was synced")
                    : null;
        } finally {
            state.unlock();
        }
    }

    private static Document withWriteConcernError(Document reply, RuntimeException error) {
        Document failed = new Document(reply);
        failed.put("writeConcernError", new Document("code", WRITE_CONCERN_FAILED)
                .append("codeName", "WriteConcernFailed")
                .append("errmsg", "the write was applied but may not be on disk: " + error));
        return failed;
    }

    private void runCommitter() {
        try {
            while (awaitCommitRequest()) {
                commitAndSync();
            }
            commitAndSync();
        } finally {
            markStopped();
        }
    }

    /** Also on an Error in the committer, so that no write waits for a commit that will never come. */
    private void markStopped() {
        state.lock();
        try {
            stopped = true;
            commitCompleted.signalAll();
        } finally {
            state.unlock();
        }
    }

    /** Returns once a write waits for a commit or {@link #MAX_UNSYNCED} has passed; false when closing. */
    private boolean awaitCommitRequest() {
        state.lock();
        try {
            long nanos = MAX_UNSYNCED.toNanos();
            while (!requested && !closing && nanos > 0) {
                nanos = commitRequested.awaitNanos(nanos);
            }
            return !closing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            state.unlock();
        }
    }

    private void commitAndSync() {
        long generation = beginCommit();
        RuntimeException error = null;
        try {
            if (commitWithinBarrier()) {
                journal.sync();
            }
        } catch (RuntimeException e) {
            error = e;
        }
        completeCommit(generation, error);
    }

    private long beginCommit() {
        state.lock();
        try {
            requested = false;
            return ++started;
        } finally {
            state.unlock();
        }
    }

    /** Returns whether anything was committed, and so needs a sync. */
    private boolean commitWithinBarrier() {
        commitBarrier.writeLock().lock();
        try {
            boolean committed = journal.commit();
            if (committed && compactionDue()) {
                journal.compact();
                journal.commit();
            }
            return committed;
        } finally {
            commitBarrier.writeLock().unlock();
        }
    }

    private boolean compactionDue() {
        long now = System.nanoTime();
        if (now - lastCompaction < COMPACT_EVERY.toNanos()) {
            return false;
        }
        lastCompaction = now;
        return true;
    }

    private void completeCommit(long generation, RuntimeException error) {
        state.lock();
        try {
            if (error != null && failure == null) {
                failure = error;
            }
            completed = generation;
            commitCompleted.signalAll();
        } finally {
            state.unlock();
        }
    }

    private void joinCommitter() {
        boolean interrupted = false;
        while (committer.isAlive()) {
            try {
                committer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
