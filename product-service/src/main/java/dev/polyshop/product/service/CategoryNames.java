package dev.polyshop.product.service;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventJson;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.RecordedEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.Category;
import dev.polyshop.product.CategoryName;
import dev.polyshop.product.config.CatalogConfig;
import dev.polyshop.product.event.CategoryEvents;
import dev.polyshop.product.event.CategoryEvents.CategoryNamed;
import dev.polyshop.product.event.CategoryEvents.NameClaimed;
import dev.polyshop.product.event.CategoryEvents.NameReleased;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps category names unique through the event store, where the expected-version check decides, not a database
 * index. Each normalized name has a {@code category-name} stream; a category takes a name by appending
 * CategoryNameClaimed to it against the version at which it is free (new, or released), so of two categories wanting
 * one name exactly one claim is recorded.
 * <p>
 * Two streams cannot be appended to atomically, so the claim is the commit point: the creation or rename it is for
 * follows it on the category's stream, against the category version named in the claim and with an event id derived
 * from the claim's. Anyone can therefore finish what a claim started, any number of times, with the same result: the
 * change is recorded once, or, if the category moved on without it, it can never be, and the claim is released (again
 * with a derived id). A name is released the same way when its holder is renamed or deleted. {@link #settle} does that
 * for one name: the request that claimed it, a rival asking for the name, or the start of the service after a crash.
 * <p>
 * The stream id is a UUID derived from the normalized name: stream ids are shared by every stream type (a customer's
 * stream is its username), and a name may be longer than a stream id may be.
 */
@ApplicationScoped
public class CategoryNames {

    private static final Logger LOG = Logger.getLogger(CategoryNames.class);

    private final EventStoreClient eventStore;
    private final CatalogProjection projection;
    private final ProjectionWait wait;
    private final int attempts;

    public CategoryNames(EventStoreClient eventStore, CatalogProjection projection, ProjectionWait wait,
            CatalogConfig config) {
        this.eventStore = eventStore;
        this.projection = projection;
        this.wait = wait;
        this.attempts = config.decisionAttempts();
    }

    /** Names are compared trimmed, in Unicode NFC and lower case: "Books", " books " and "BOOKS" are one name. */
    public static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public static String streamId(String key) {
        return UUID.nameUUIDFromBytes(("category-name/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A claim as recorded: on which name stream, at which version, by which event, for which change. */
    public record Claim(String streamId, long version, UUID eventId, String name, String categoryId,
            long categoryVersion) {

        static Claim of(RecordedEvent event) {
            NameClaimed data = event.dataAs(NameClaimed.class);
            return new Claim(event.streamId(), event.version(), event.id(), data.name(), data.categoryId(),
                    data.categoryVersion());
        }

        static Claim of(CategoryName row) {
            return new Claim(row.streamId, row.version, UUID.fromString(row.claimEventId), row.name, row.categoryId,
                    row.categoryVersion);
        }
    }

    /** Who holds a name (null: nobody), as decided at a version of its stream: a claim is appended against it. */
    public record Holding(String categoryId, long version) {

        boolean isFree() { return categoryId == null; }
    }

    /**
     * Claims {@code name} for the category, for the change appended against {@code categoryVersion} of its stream (0: its
     * creation). Empty if the category holds the name already.
     *
     * @throws ProblemException 409 if another category holds the name
     */
    public Optional<Claim> claim(String name, String categoryId, long categoryVersion, String previousName) {
        String streamId = streamId(key(name));
        for (int attempt = 1;; attempt++) {
            Optional<Holding> holding = settle(key(name));
            if (holding.isPresent() && !holding.get().isFree()) {
                if (holding.get().categoryId().equals(categoryId)) {
                    return Optional.empty();
                }
                throw ProblemException.conflict("the category name '" + name.strip() + "' is taken");
            }
            if (holding.isPresent()) {
                try {
                    // Against the version at which the name was seen free: if anyone claimed it since, this conflicts.
                    AppendResult result = eventStore.append(AppendRequest.to(CategoryEvents.NAME_STREAM_TYPE, streamId)
                            .expectingVersion(holding.get().version()).events(NewEvent.of(CategoryEvents.NAME_CLAIMED,
                                    new NameClaimed(name.strip(), categoryId, categoryVersion, previousName))));
                    projection.apply(result.events());
                    return Optional.of(Claim.of(result.events().getFirst()));
                } catch (StreamConflictException e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                    wait.untilNameCaughtUp(e);
                }
            } else if (attempt >= attempts) {
                throw ProblemException.conflict("the category name '" + name.strip() + "' is being changed; try again");
            }
        }
    }

    /**
     * Makes the name's stream agree with the categories: if its holder does not bear the name, finishes the change the
     * claim was for, and releases the claim if the holder still does not bear it (it was renamed or deleted since, or
     * moved on without the change).
     *
     * @return who holds the name now, and at which version of its stream; empty if that cannot be told yet (the stream
     *         moved on meanwhile: look again)
     */
    public Optional<Holding> settle(String key) {
        CategoryName row = QuarkusTransaction.requiringNew().call(() -> CategoryName.findById(streamId(key)));
        if (row == null) {
            return Optional.of(new Holding(null, 0));
        }
        if (!row.isHeld()) {
            return Optional.of(new Holding(null, row.version));
        }
        Claim claim = Claim.of(row);
        if (bears(claim.categoryId(), key) || complete(claim) && bears(claim.categoryId(), key)) {
            return Optional.of(new Holding(claim.categoryId(), row.version));
        }
        return release(claim).map(version -> new Holding(null, version));
    }

    /** Settles every name whose holder does not bear it: what a crash between two appends left half done. */
    public int settleAll() {
        List<String> unsettled = QuarkusTransaction.requiringNew().call(() -> CategoryName.<CategoryName>find(
                "from CategoryName n where n.categoryId is not null and not exists (from Category c"
                        + " where c.id = n.categoryId and c.deleted = false and c.nameKey = n.nameKey)")
                .stream().map(row -> row.nameKey).toList());
        for (String key : unsettled) {
            try {
                settle(key);
            } catch (RuntimeException e) {
                LOG.warnf("the category name '%s' could not be settled yet: %s", key, e.getMessage());
            }
        }
        if (!unsettled.isEmpty()) {
            LOG.infof("settled %d category names left half claimed or half released", unsettled.size());
        }
        return unsettled.size();
    }

    /**
     * Appends the change the claim is the commit point of, CategoryCreated or CategoryRenamed, with an id derived from
     * the claim: recorded once however often this runs.
     *
     * @return false if the change can no longer be made: the category's stream moved past the version it expects
     */
    public boolean complete(Claim claim) {
        String type = claim.categoryVersion() == 0 ? CategoryEvents.CREATED : CategoryEvents.RENAMED;
        NewEvent change = new NewEvent(NewEvent.derivedId(claim.eventId(), type), type,
                EventJson.tree(new CategoryNamed(claim.name())));
        try {
            AppendResult result = eventStore.append(AppendRequest.to(CategoryEvents.STREAM_TYPE, claim.categoryId())
                    .expectingVersion(claim.categoryVersion()).events(change));
            projection.apply(result.events());
            return true;
        } catch (StreamConflictException e) {
            return false;
        }
    }

    /**
     * Gives the name up, with an id derived from the claim: one release per claim, whoever sends it.
     *
     * @return the version of the stream at the release; empty if the claim read was stale
     */
    public Optional<Long> release(Claim claim) {
        NewEvent release = new NewEvent(NewEvent.derivedId(claim.eventId(), CategoryEvents.NAME_RELEASED),
                CategoryEvents.NAME_RELEASED, EventJson.tree(new NameReleased(claim.name(), claim.categoryId())));
        try {
            AppendResult result = eventStore.append(AppendRequest.to(CategoryEvents.NAME_STREAM_TYPE, claim.streamId())
                    .expectingVersion(claim.version()).events(release));
            projection.apply(result.events());
            return Optional.of(result.lastVersion());
        } catch (StreamConflictException e) {
            // After a claim only its own release can be recorded (a duplicate, not a conflict): the claim read here was
            // stale, and the name has moved on already.
            wait.untilNameCaughtUp(e);
            return Optional.empty();
        }
    }

    private static boolean bears(String categoryId, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category category = Category.findById(categoryId);
            return category != null && category.holdsName(key);
        });
    }
}
