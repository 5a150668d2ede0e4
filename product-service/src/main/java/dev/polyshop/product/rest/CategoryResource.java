package dev.polyshop.product.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.CategoryView;
import dev.polyshop.product.service.CategoryService;

@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    public List<CategoryView> list() {
        return categories.list();
    }

    @GET
    @Path("{id}")
    public CategoryView get(@PathParam("id") String id) {
        return categories.find(Ids.fromPath(id)).orElseThrow(() -> ProblemException.notFound("category " + id));
    }

    @POST
    @RolesAllowed("manager")
    public Response create(@Valid @NotNull CategoryRequest request) {
        CategoryView created = categories.create(request.name());
        return Response.created(URI.create("/api/categories/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("manager")
    public CategoryView rename(@PathParam("id") String id, @Valid @NotNull CategoryRequest request) {
        return categories.rename(Ids.fromPath(id), request.name());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("manager")
    public Response delete(@PathParam("id") String id) {
        categories.delete(Ids.fromPath(id));
        return Response.noContent().build();
    }
}
