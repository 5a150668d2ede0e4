package dev.polyshop.eventstore.rest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.eventstore.client.DeadLetters;
import dev.polyshop.eventstore.repository.EventQuery;
import dev.polyshop.eventstore.repository.EventRepository;
import dev.polyshop.eventstore.repository.PositionSequence;
import dev.polyshop.problems.ProblemException;

/** The event log, read only: writes arrive over RabbitMQ alone. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("manager")
public class EventResource {

    private final EventRepository events;
    private final PositionSequence positions;
    private final DeadLetters deadLetters;

    public EventResource(EventRepository events, PositionSequence positions, DeadLetters deadLetters) {
        this.events = events;
        this.positions = positions;
        this.deadLetters = deadLetters;
    }

    @GET
    public List<EventView> search(
            @QueryParam("streamId") @Size(max = 100) String streamId,
            @QueryParam("streamType") @Size(max = 40) String streamType,
            @QueryParam("type") @Size(max = 80) String type,
            @QueryParam("correlationId") @Size(max = 100) String correlationId,
            @QueryParam("afterPosition") @DefaultValue("0") @Min(0) long afterPosition,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        EventQuery query = new EventQuery(present(streamId), present(streamType), present(type),
                present(correlationId), afterPosition, limit);
        return events.query(query, positions.writtenUpTo()).stream().map(EventView::of).toList();
    }

    @GET
    @Path("/streams/{streamId}")
    public List<EventView> stream(@PathParam("streamId") String streamId,
            @QueryParam("streamType") @Size(max = 40) String streamType) {
        List<EventView> stream = events.findStream(present(streamType), streamId).stream().map(EventView::of)
                .toList();
        if (stream.isEmpty()) {
            throw ProblemException.notFound("stream " + streamId);
        }
        return stream;
    }

    /** How many messages no consumer could process: they wait in the dead-letter queue for a person to look at. */
    @GET
    @Path("/dead-letters")
    public DeadLetterCount deadLetters() throws IOException {
        return new DeadLetterCount(deadLetters.count());
    }

    public record DeadLetterCount(long count) {
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
