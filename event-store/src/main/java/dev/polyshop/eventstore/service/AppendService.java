package dev.polyshop.eventstore.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.OutboxRepository;
import dev.polyshop.eventstore.repository.PositionSequence;
import dev.polyshop.eventstore.repository.StreamHead;
import dev.polyshop.eventstore.repository.StreamRepository;

/**
 * Records append requests. The steps, each safe to repeat:
 * <ol>
 * <li>a request whose event ids are in the log already is a duplicate: answer with what was recorded then;</li>
 * <li>claim the next versions of the stream, with the events and their global positions, by compare-and-set on the
 * stream's head document: the commit point; a stale expected version is a conflict;</li>
 * <li>complete the claim: put the events in the log and in the outbox, then clear the claim. A crash in between leaves
 * the claim on the head, and the next append to that stream, or the next start, completes it.</li>
 * </ol>
 */
@ApplicationScoped
public class AppendService {

    private static final Logger LOG = Logger.getLogger(AppendService.class);
    private static final Pattern STREAM_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,79}");
    private static final int MAX_EVENTS = 100;
    private static final int MAX_CLAIM_ATTEMPTS = 50;

    private final EventRepository events;
    private final StreamRepository streams;
    private final OutboxRepository outbox;
    private final PositionSequence positions;
    private final Lock[] streamLocks = new Lock[64];

    public AppendService(EventRepository events, StreamRepository streams, OutboxRepository outbox,
            PositionSequence positions) {
        this.events = events;
        this.streams = streams;
        this.outbox = outbox;
        this.positions = positions;
        for (int i = 0; i < streamLocks.length; i++) {
            streamLocks[i] = new ReentrantLock();
        }
    }

    public AppendReply append(AppendRequest request) {
        Optional<String> invalid = validate(request);
        if (invalid.isPresent()) {
            return AppendReply.rejected(request.streamId(), invalid.get());
        }
        Lock lock = streamLocks[Math.floorMod(request.streamId().hashCode(), streamLocks.length)];
        lock.lock();
        try {
            return appendToStream(request);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends to one stream are serialized within this process, so the compare-and-set only ever decides between
     * event-store instances; it does not rely on the MongoDB server (or the in-process stand-in) to be atomic under
     * this process's own concurrency.
     */
    private AppendReply appendToStream(AppendRequest request) {
        List<UUID> ids = request.events().stream().map(NewEvent::id).toList();
        for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
            Optional<StreamHead> head = currentHead(request.streamId());
            long version = head.map(StreamHead::version).orElse(0L);
            Optional<AppendReply> earlier = earlierCopy(request, ids, version);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String streamType = head.map(StreamHead::streamType).orElse(request.streamType());
            if (!streamType.equals(request.streamType())) {
                return AppendReply.rejected(request.streamId(),
                        "stream " + request.streamId() + " is a " + streamType + " stream");
            }
            long expected = request.expectedVersion();
            if (expected != AppendRequest.ANY_VERSION && expected != version) {
                return AppendReply.conflict(request.streamId(), version);
            }
            List<RecordedEvent> claimed = toRecord(request, version);
            boolean won = head.isEmpty()
                    ? streams.tryCreate(request.streamId(), request.streamType(), claimed)
                    : streams.tryAdvance(request.streamId(), version, claimed);
            if (won) {
                complete(request.streamId(), claimed);
                return AppendReply.recorded(request.streamId(), claimed);
            }
        }
        return AppendReply.conflict(request.streamId(),
                currentHead(request.streamId()).map(StreamHead::version).orElse(0L));
    }

    /** Finishes every append that claimed versions but was interrupted before its events reached the log. */
    public int completeInterruptedAppends() {
        List<StreamHead> interrupted = streams.findWithPending();
        interrupted.forEach(head -> complete(head.streamId(), head.pending()));
        if (!interrupted.isEmpty()) {
            LOG.infof("completed %d interrupted appends", interrupted.size());
        }
        return interrupted.size();
    }

    private Optional<AppendReply> earlierCopy(AppendRequest request, List<UUID> ids, long currentVersion) {
        if (!events.contains(ids.getFirst())) {
            return Optional.empty();
        }
        List<RecordedEvent> found = events.findByIds(ids);
        if (found.size() != ids.size() || !found.getFirst().streamId().equals(request.streamId())) {
            return Optional.of(AppendReply.rejected(request.streamId(), "event ids already used by other events"));
        }
        return Optional.of(AppendReply.duplicate(request.streamId(), currentVersion, found));
    }

    /** The stream's head with any interrupted append completed first, so that its versions are really taken. */
    private Optional<StreamHead> currentHead(String streamId) {
        Optional<StreamHead> head = streams.find(streamId);
        if (head.isPresent() && head.get().hasPending()) {
            complete(streamId, head.get().pending());
            head = streams.find(streamId);
        }
        return head;
    }

    private void complete(String streamId, List<RecordedEvent> claimed) {
        events.insert(claimed);
        outbox.add(claimed);
        streams.clearPending(streamId, claimed.getLast().version());
    }

    private List<RecordedEvent> toRecord(AppendRequest request, long currentVersion) {
        long firstPosition = positions.reserve(request.events().size());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            NewEvent event = request.events().get(i);
            recorded.add(new RecordedEvent(event.id(), firstPosition + i, request.streamType(), request.streamId(),
                    currentVersion + i + 1, event.type(), event.data(), request.correlationId(),
                    request.causationId(), request.producer(), now));
        }
        return recorded;
    }

    private static Optional<String> validate(AppendRequest request) {
        if (request.streamId() == null || request.streamId().isBlank() || request.streamId().length() > 100) {
            return Optional.of("streamId is required (at most 100 characters)");
        }
        if (request.streamType() == null || !STREAM_TYPE.matcher(request.streamType()).matches()) {
            return Optional.of("streamType must be lower-case letters, digits and dashes");
        }
        if (request.expectedVersion() < AppendRequest.ANY_VERSION) {
            return Optional.of("expectedVersion must be -1 (any), 0 (new stream) or a version");
        }
        if (request.events().isEmpty() || request.events().size() > MAX_EVENTS) {
            return Optional.of("between 1 and " + MAX_EVENTS + " events are required");
        }
        if (request.events().stream().anyMatch(e -> !EVENT_TYPE.matcher(e.type()).matches() || !e.data().isObject())) {
            return Optional.of("every event needs a PascalCase type and an object as data");
        }
        if (new HashSet<>(request.events().stream().map(NewEvent::id).toList()).size() != request.events().size()) {
            return Optional.of("event ids must differ within a request");
        }
        return Optional.empty();
    }
}
