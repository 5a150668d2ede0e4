package dev.polyshop.order.rest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.polyshop.order.OrderView;
import dev.polyshop.order.config.OrderConfig;
import dev.polyshop.order.service.OrderService;
import dev.polyshop.problems.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/** Orders over HTTP: who may do what, and the shape of the answers. The decisions are the service's. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"customer", "manager"})
public class OrderResource {

    private static final java.util.regex.Pattern PREFER_WAIT = java.util.regex.Pattern
            .compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d+)");

    private final OrderService orders;
    private final SecurityIdentity identity;
    private final OrderConfig config;
    private final ManagedExecutor executor;

    public OrderResource(OrderService orders, SecurityIdentity identity, OrderConfig config,
            ManagedExecutor executor) {
        this.orders = orders;
        this.identity = identity;
        this.config = config;
        this.executor = executor;
    }

    @POST
    @RolesAllowed("customer")
    public Response place(@Valid @NotNull PlaceOrderRequest request, @HeaderParam("Prefer") String prefer) {
        // Read before the order is placed: nothing about the header may fail once the order exists.
        Optional<Duration> wait = requestedWait(prefer);
        OrderView placed = orders.place(username(), UUID.fromString(request.productId()), request.quantityOrDefault());
        URI location = URI.create("/api/orders/" + placed.id());
        if (wait.isEmpty()) {
            return Response.accepted(placed).location(location).build();
        }
        OrderView order = orders.awaitFinal(UUID.fromString(placed.id()), wait.get());
        return Response.status(order.isFinal() ? 200 : 202).entity(order).location(location)
                .header("Preference-Applied", "wait=" + wait.get().toSeconds()).build();
    }

    @GET
    public List<OrderView> list(@QueryParam("customer") String customer) {
        if (isManager()) {
            return orders.list(Optional.ofNullable(customer).filter(c -> !c.isBlank()).map(String::toLowerCase));
        }
        return orders.list(Optional.of(username()));
    }

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") String id) {
        return orders.viewFor(orderId(id), username(), isManager());
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        UUID orderId = orderId(id);
        orders.viewFor(orderId, username(), isManager());
        return Response.accepted(orders.cancel(orderId, username())).build();
    }

    /** The order at once and after each change, until it reaches a final state. */
    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<OrderView> stream(@PathParam("id") String id) {
        UUID orderId = orderId(id);
        OrderView first = orders.viewFor(orderId, username(), isManager());
        Duration longest = config.sagaTimeout().plus(config.maxWait()).multipliedBy(2);
        return Multi.createFrom().<OrderView>emitter(emitter -> executor.execute(() -> {
            long deadline = System.nanoTime() + longest.toNanos();
            OrderView seen = first;
            emitter.emit(seen);
            try {
                while (!seen.isFinal() && !emitter.isCancelled() && System.nanoTime() < deadline) {
                    Optional<OrderView> next = orders.nextChange(orderId, seen);
                    if (next.isPresent()) {
                        seen = next.get();
                        emitter.emit(seen);
                    }
                }
                emitter.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }

    private Optional<Duration> requestedWait(String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        Matcher matcher = PREFER_WAIT.matcher(prefer);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String digits = matcher.group(1).replaceFirst("^0+(?=\\d)", "");
        long most = config.maxWait().toSeconds();
        // Any number of digits is a valid wait; one too long for a long is simply more than the most honoured.
        long seconds = digits.length() > String.valueOf(most).length()
                ? most
                : Math.min(Long.parseLong(digits), most);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** Only the canonical form: UUID.fromString also takes "1-1-1-1-1", which would name another order's id. */
    private static UUID orderId(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (parsed.toString().equalsIgnoreCase(id)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid("id", "must be an order id (UUID)");
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private boolean isManager() { return identity.hasRole("manager"); }
}
