package dev.polyshop.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.eventstore.client.ReplayEnd;
import dev.polyshop.order.service.OrderRebuild;

/** Operations for the people who run the shop. */
@Path("/api/admin/orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("manager")
public class OrderAdminResource {

    private final OrderRebuild rebuild;

    public OrderAdminResource(OrderRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Drops the orders and makes them again from the event store; answers how many events were replayed. */
    @POST
    @Path("/rebuild")
    public RebuildResult rebuild() throws Exception {
        ReplayEnd end = rebuild.rebuild();
        return new RebuildResult(end.count(), end.lastPosition());
    }

    public record RebuildResult(long events, long lastPosition) {
    }
}
