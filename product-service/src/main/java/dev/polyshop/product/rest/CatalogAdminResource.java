package dev.polyshop.product.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.product.RebuildReport;
import dev.polyshop.product.service.CatalogRebuild;

@Path("/api/admin/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogAdminResource {

    private final CatalogRebuild rebuild;

    public CatalogAdminResource(CatalogRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Empties the catalog's tables and replays them from the event store; answers when done. */
    @POST
    @Path("rebuild")
    @RolesAllowed("manager")
    public RebuildReport rebuild() throws Exception {
        return rebuild.rebuild();
    }
}
