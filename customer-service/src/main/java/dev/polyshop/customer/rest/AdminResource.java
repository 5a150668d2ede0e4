package dev.polyshop.customer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.customer.Roles;
import dev.polyshop.customer.service.RebuildService;
import dev.polyshop.customer.service.RebuildService.RebuildReport;

@Path("/api/admin/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class AdminResource {

    private final RebuildService rebuild;

    public AdminResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    /** Empties this service's Redis keys and replays the event store into them; answers when done, with counts. */
    @POST
    @Path("/rebuild")
    public RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
