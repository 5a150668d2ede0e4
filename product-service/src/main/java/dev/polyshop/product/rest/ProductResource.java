package dev.polyshop.product.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.ProductView;
import dev.polyshop.product.service.ProductService;

@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private static final int MAX_SEARCH = 200;

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    @GET
    public List<ProductView> list(@QueryParam("categoryId") String categoryId, @QueryParam("q") String q) {
        Optional<String> category = Optional.ofNullable(categoryId).filter(id -> !id.isBlank())
                .map(id -> Ids.parse("categoryId", id.strip()));
        Optional<String> search = Optional.ofNullable(q).map(String::strip).filter(text -> !text.isEmpty());
        if (search.filter(text -> text.length() > MAX_SEARCH).isPresent()) {
            throw ProblemException.invalid("q", "must be at most " + MAX_SEARCH + " characters");
        }
        return products.list(category, search);
    }

    @GET
    @Path("{id}")
    public ProductView get(@PathParam("id") String id) {
        return products.find(Ids.fromPath(id)).orElseThrow(() -> ProblemException.notFound("product " + id));
    }

    @POST
    @RolesAllowed("manager")
    public Response create(@Valid @NotNull ProductRequest request) {
        ProductView created = products.create(request.details());
        return Response.created(URI.create("/api/products/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("manager")
    public ProductView replace(@PathParam("id") String id, @Valid @NotNull ProductRequest request) {
        return products.update(Ids.fromPath(id), request.details());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("manager")
    public Response delete(@PathParam("id") String id) {
        products.delete(Ids.fromPath(id));
        return Response.noContent().build();
    }
}
