package dev.polyshop.eventstore.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.AppendReply;
import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.EventRepository.IdTakenException;
import dev.polyshop.eventstore.repository.OutboxRepository;
import dev.polyshop.eventstore.repository.PositionSequence;
import dev.polyshop.eventstore.repository.StreamHead;
import dev.polyshop.eventstore.repository.StreamKey;
import dev.polyshop.eventstore.repository.StreamRepository;
import dev.polyshop.eventstore.repository.StreamRepository.Claim;

/**
 * Records append requests, many at once (group commit): each step is one round trip for the whole batch. In a round,
 * at most one request per stream, in the order they came:
 * <ol>
 * <li>read the heads of the round's streams, completing any append a crash interrupted;</li>
 * <li>a request that expects another version, or any version, may be a copy of one recorded before: its event ids are
 * looked up, and it is answered DUPLICATE with what was recorded then, or CONFLICT;</li>
 * <li>a request past its deadline is answered EXPIRED and never recorded;</li>
 * <li>claim the next versions of every stream, with the events pending in its head, by compare-and-set on the head's
 * version: a stream that moved meanwhile (another instance) is decided again in the next round;</li>
 * <li>hand out the positions, write the events, then the outbox durably, answer, then clear the claims. A crash in
 * between leaves claims pending on their heads, and the next append to such a stream, or the next start, settles
 * them.</li>
 * </ol>
 * A request is answered RECORDED only once its events are on disk, and never records after its deadline.
 */
@ApplicationScoped
public class AppendService {

    private static final Logger LOG = Logger.getLogger(AppendService.class);
    private static final Pattern STREAM_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,79}");
    private static final int MAX_EVENTS = 100;

    private final EventRepository events;
    private final StreamRepository streams;
    private final OutboxRepository outbox;
    private final PositionSequence positions;

    public AppendService(EventRepository events, StreamRepository streams, OutboxRepository outbox,
            PositionSequence positions) {
        this.events = events;
        this.streams = streams;
        this.outbox = outbox;
        this.positions = positions;
    }

    /** Records one request on its own; for tests and tools. */
    public AppendReply append(AppendRequest request) {
        AppendBatch batch = new AppendBatch(List.of(request));
        record(batch);
        finish(batch);
        return batch.replies().getFirst();
    }

    /**
     * Clears the claims the batch completed, once its requests are answered: off the answers' path, since a claim
     * left pending with its events in the log is only completed once more by whoever finds it.
     */
    public void finish(AppendBatch batch) {
        streams.clearPending(batch.completedClaims());
    }

    /**
     * Answers every request of the batch not answered yet. Throws when the database fails; the batch keeps what was
     * done, and recording it again finishes it.
     */
    public void record(AppendBatch batch) {
        Instant now = Instant.now();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isAnswered(i)) {
                continue;
            }
            AppendRequest request = batch.request(i);
            Optional<String> invalid = validate(request);
            if (invalid.isPresent()) {
                batch.answer(i, AppendReply.rejected(request.streamId(), invalid.get()));
            } else if (request.isExpiredAt(now)) {
                batch.answer(i, AppendReply.expired(request.streamId()));
            } else {
                open.add(i);
            }
        }
        while (!open.isEmpty()) {
            Map<StreamKey, Integer> round = new LinkedHashMap<>();
            Set<Integer> next = new TreeSet<>();
            for (int i : open) {
                if (round.putIfAbsent(StreamKey.of(batch.request(i)), i) != null) {
                    next.add(i);
                }
            }
            next.addAll(recordRound(batch, round));
            open = new ArrayList<>(next);
        }
    }

    /** Records one request per stream; returns the requests whose claim lost a race, to be decided again. */
    private Set<Integer> recordRound(AppendBatch batch, Map<StreamKey, Integer> round) {
        Map<StreamKey, StreamHead> heads = new HashMap<>(streams.findAll(round.keySet()));
        resolveClaims(batch, heads.values().stream().filter(StreamHead::hasPending).toList())
                .forEach(head -> heads.put(head.key(), head));
        Map<UUID, RecordedEvent> earlier = events.findByIds(idsOfPossibleCopies(batch, round, heads));
        Instant now = Instant.now();
        List<Claim> claims = new ArrayList<>();
        Map<Claim, Integer> requestOf = new HashMap<>();
        for (Map.Entry<StreamKey, Integer> entry : round.entrySet()) {
            int i = entry.getValue();
            AppendRequest request = batch.request(i);
            long version = versionOf(heads, entry.getKey());
            Optional<AppendReply> decided = earlierCopy(request, earlier, version)
                    .or(() -> conflict(request, version))
                    .or(() -> request.isExpiredAt(now)
                            ? Optional.of(AppendReply.expired(request.streamId()))
                            : Optional.empty());
            if (decided.isPresent()) {
                batch.answer(i, decided.get());
                continue;
            }
            Claim claim = new Claim(entry.getKey(), version, toRecord(request, version, now), request.deadline());
            claims.add(claim);
            requestOf.put(claim, i);
        }
        if (claims.isEmpty()) {
            return Set.of();
        }
        Set<Claim> lost = streams.claim(claims);
        List<Write> won = claims.stream().filter(claim -> !lost.contains(claim))
                .map(claim -> new Write(StreamHead.claimed(claim.key(), claim.pending(), claim.deadline()),
                        requestOf.get(claim)))
                .toList();
        complete(batch, won);
        Set<Integer> again = new HashSet<>();
        lost.forEach(claim -> again.add(requestOf.get(claim)));
        return again;
    }

    /**
     * Settles claims found pending on heads (an append interrupted by a crash, or one this batch made before the
     * database failed): a claim with any of its events in the log is completed; one with none is completed too while
     * its request's deadline has not passed, and taken back after, so that it is never recorded late.
     *
     * @return the heads as they are now
     */
    private List<StreamHead> resolveClaims(AppendBatch batch, List<StreamHead> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<UUID, RecordedEvent> written = events.findByIds(pending.stream()
                .flatMap(head -> head.pending().stream().map(RecordedEvent::id)).toList());
        Instant now = Instant.now();
        List<StreamHead> late = pending.stream().filter(head -> head.isPastDeadline(now)
                && head.pending().stream().noneMatch(event -> written.containsKey(event.id()))).toList();
        List<StreamHead> toComplete = pending.stream().filter(head -> !late.contains(head)).toList();
        streams.withdraw(late);
        complete(batch, toComplete.stream().map(head -> new Write(head, -1)).toList());
        List<StreamHead> settled = new ArrayList<>();
        late.forEach(head -> settled.add(head.withdrawn()));
        toComplete.forEach(head -> settled.add(head.completed()));
        return settled;
    }

    /** A head whose pending events are to be written, and the request that claimed them (-1: an interrupted one). */
    private record Write(StreamHead head, int request) {
    }

    /**
     * Writes the pending events of the heads to the log, then to the outbox, durably (which makes the events durable
     * too), then clears the claims, and answers their requests. A claim whose event ids the log holds elsewhere is
     * taken back and rejected.
     */
    private void complete(AppendBatch batch, List<Write> writes) {
        List<RecordedEvent> pending = writes.stream().flatMap(write -> write.head().pending().stream()).toList();
        if (pending.isEmpty()) {
            return;
        }
        long first = positions.reserve(pending.size());
        List<RecordedEvent> stored;
        try {
            stored = events.insert(positioned(pending, first));
        } catch (IdTakenException e) {
            withdraw(batch, writes, e);
            return;
        } finally {
            positions.written(first);
        }
        outbox.add(stored);
        writes.forEach(write -> batch.completed(write.head()));
        batch.wrote(stored);
        Map<UUID, RecordedEvent> byId = new HashMap<>();
        stored.forEach(event -> byId.put(event.id(), event));
        for (Write write : writes) {
            if (write.request() >= 0) {
                List<RecordedEvent> recorded = write.head().pending().stream().map(e -> byId.get(e.id())).toList();
                batch.answer(write.request(), AppendReply.recorded(write.head().key().streamId(), recorded));
            }
        }
    }

    /**
     * Takes back the claim whose event cannot be written, and its events already written (never published: the outbox
     * has not seen them), then writes the others again.
     */
    private void withdraw(AppendBatch batch, List<Write> writes, IdTakenException e) {
        StreamKey key = StreamKey.of(e.wanted());
        Write failed = writes.stream().filter(write -> write.head().key().equals(key)).findFirst().orElseThrow();
        LOG.errorf("append to %s withdrawn: %s", key, e.getMessage());
        events.removeUnpublished(failed.head().pending());
        streams.withdraw(List.of(failed.head()));
        if (failed.request() >= 0) {
            batch.answer(failed.request(), AppendReply.rejected(key.streamId(),
                    "event ids already used by other events"));
        }
        complete(batch, writes.stream().filter(write -> write != failed).toList());
    }

    /** Settles every append that claimed versions but was interrupted before it was recorded, at start. */
    public List<RecordedEvent> completeInterruptedAppends() {
        List<StreamHead> interrupted = streams.findWithPending();
        AppendBatch batch = new AppendBatch(List.of());
        resolveClaims(batch, interrupted);
        finish(batch);
        if (!interrupted.isEmpty()) {
            LOG.infof("settled %d interrupted appends", interrupted.size());
        }
        return batch.written();
    }

    /**
     * The event ids to look up: those of requests that may repeat one recorded before. A copy of a request with an
     * expected version finds its stream past that version, so only those that do, or accept any version, are looked
     * up.
     */
    private static List<UUID> idsOfPossibleCopies(AppendBatch batch, Map<StreamKey, Integer> round,
            Map<StreamKey, StreamHead> heads) {
        List<UUID> ids = new ArrayList<>();
        round.forEach((key, i) -> {
            AppendRequest request = batch.request(i);
            long expected = request.expectedVersion();
            if (expected == AppendRequest.ANY_VERSION || expected != versionOf(heads, key)) {
                request.events().forEach(event -> ids.add(event.id()));
            }
        });
        return ids;
    }

    private static long versionOf(Map<StreamKey, StreamHead> heads, StreamKey key) {
        StreamHead head = heads.get(key);
        return head == null ? 0 : head.version();
    }

    private static Optional<AppendReply> earlierCopy(AppendRequest request, Map<UUID, RecordedEvent> earlier,
            long currentVersion) {
        List<RecordedEvent> found = request.events().stream().map(event -> earlier.get(event.id()))
                .filter(event -> event != null).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StreamKey key = StreamKey.of(request);
        if (found.size() != request.events().size() || found.stream().anyMatch(e -> !StreamKey.of(e).equals(key))) {
            return Optional.of(AppendReply.rejected(request.streamId(), "event ids already used by other events"));
        }
        return Optional.of(AppendReply.duplicate(request.streamId(), currentVersion, found));
    }

    private static Optional<AppendReply> conflict(AppendRequest request, long currentVersion) {
        long expected = request.expectedVersion();
        return expected != AppendRequest.ANY_VERSION && expected != currentVersion
                ? Optional.of(AppendReply.conflict(request.streamId(), currentVersion))
                : Optional.empty();
    }

    private static List<RecordedEvent> toRecord(AppendRequest request, long currentVersion, Instant now) {
        Instant recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            NewEvent event = request.events().get(i);
            recorded.add(new RecordedEvent(event.id(), 0, request.streamType(), request.streamId(),
                    currentVersion + i + 1, event.type(), event.data(), request.correlationId(),
                    request.causationId(), request.producer(), recordedAt));
        }
        return recorded;
    }

    private static List<RecordedEvent> positioned(List<RecordedEvent> pending, long firstPosition) {
        List<RecordedEvent> positioned = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            RecordedEvent e = pending.get(i);
            positioned.add(new RecordedEvent(e.id(), firstPosition + i, e.streamType(), e.streamId(), e.version(),
                    e.type(), e.data(), e.correlationId(), e.causationId(), e.producer(), e.recordedAt()));
        }
        return positioned;
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
        if (request.events().stream().anyMatch(e -> e.id() == null || e.type() == null
                || !EVENT_TYPE.matcher(e.type()).matches() || e.data() == null || !e.data().isObject())) {
            return Optional.of("every event needs an id, a PascalCase type and an object as data");
        }
        if (new HashSet<>(request.events().stream().map(NewEvent::id).toList()).size() != request.events().size()) {
            return Optional.of("event ids must differ within a request");
        }
        return Optional.empty();
    }
}
