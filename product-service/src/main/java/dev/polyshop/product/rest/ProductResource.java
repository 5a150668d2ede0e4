package dev.polyshop.product.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
    public Response get(@PathParam("id") String id) {
        ProductView product = products.find(Ids.fromPath(id))
                .orElseThrow(() -> ProblemException.notFound("product " + id));
        return Response.ok(product).tag(tag(product)).build();
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
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProductRequest request) {
        ProductView replaced = products.update(Ids.fromPath(id), request.details(), expectedVersion(ifMatch));
        return Response.ok(replaced).tag(tag(replaced)).build();
    }

    /** The version of the product's stream: it changes with every event, stock reservations included. */
    private static EntityTag tag(ProductView product) {
        return new EntityTag(Long.toString(product.version()));
    }

    /** If-Match names the one version the change is for; none, or "*", means the product as it is now. */
    private static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag.replace("\"", "")));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag of this product, e.g. \"3\"");
        }
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("manager")
    public Response delete(@PathParam("id") String id) {
        products.delete(Ids.fromPath(id));
        return Response.noContent().build();
    }
}
