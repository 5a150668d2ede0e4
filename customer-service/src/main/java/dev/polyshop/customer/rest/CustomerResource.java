package dev.polyshop.customer.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.polyshop.customer.Customer;
import dev.polyshop.customer.Roles;
import dev.polyshop.customer.service.CustomerService;
import dev.polyshop.problems.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService customers;
    private final SecurityIdentity caller;

    public CustomerResource(CustomerService customers, SecurityIdentity caller) {
        this.customers = customers;
        this.caller = caller;
    }

    @POST
    public Response register(@Valid @NotNull Registration registration) {
        Customer customer = customers.register(registration.username(), registration.fullName(),
                registration.email(), registration.password());
        return Response.created(URI.create("/api/customers/" + customer.username()))
                .entity(CustomerView.of(customer)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CUSTOMER)
    public CustomerView me() {
        return CustomerView.of(customers.get(callerName()));
    }

    @PUT
    @Path("/me")
    @RolesAllowed(Roles.CUSTOMER)
    public CustomerView updateMe(@Valid @NotNull ProfileUpdate update) {
        return CustomerView.of(customers.updateProfile(callerName(), update.fullName(), update.email()));
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed(Roles.CUSTOMER)
    public void changePassword(@Valid @NotNull PasswordChange change) {
        customers.changePassword(callerName(), change.currentPassword(), change.newPassword());
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    public List<CustomerView> list() {
        return customers.list().stream().map(CustomerView::of).toList();
    }

    /** A customer may read only their own record; anyone else's is answered as if it did not exist. */
    @GET
    @Path("/{username}")
    @RolesAllowed({Roles.MANAGER, Roles.CUSTOMER})
    public CustomerView get(
            @PathParam("username") @Pattern(regexp = Customer.USERNAME_PATTERN, message = Registration.USERNAME_RULE) String username) {
        String wanted = Customer.normalize(username);
        if (!caller.hasRole(Roles.MANAGER) && !wanted.equals(callerName())) {
            throw ProblemException.notFound("customer " + wanted);
        }
        return CustomerView.of(customers.get(wanted));
    }

    @PUT
    @Path("/{username}/credit")
    @RolesAllowed(Roles.MANAGER)
    public CustomerView setCredit(
            @PathParam("username") @Pattern(regexp = Customer.USERNAME_PATTERN, message = Registration.USERNAME_RULE) String username,
            @Valid @NotNull CreditUpdate update) {
        return CustomerView.of(customers.setCredit(username, update.credit()));
    }

    private String callerName() {
        return Customer.normalize(caller.getPrincipal().getName());
    }
}
