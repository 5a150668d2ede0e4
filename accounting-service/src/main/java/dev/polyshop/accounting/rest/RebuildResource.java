package dev.polyshop.accounting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.accounting.service.RebuildService;

/**
 * Rebuilds the accounting bucket from the event store, for managers. Synchronous: answers 200 with the counts when the
 * projection is complete again, 409 while another rebuild runs, 503 if the event store does not answer.
 */
@Path("/api/admin/accounting/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.MANAGER)
public class RebuildResource {

    private final RebuildService rebuilds;

    public RebuildResource(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    public RebuildService.Result rebuild() throws Exception {
        return rebuilds.rebuild();
    }
}
