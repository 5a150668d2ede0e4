package dev.polyshop.accounting.rest;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.accounting.service.InvoiceService;

/** Invoices: a customer sees their own, a manager all of them. */
@Path("/api/invoices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.CUSTOMER, Callers.MANAGER})
public class InvoiceResource {

    private final InvoiceService invoices;
    private final Callers callers;

    public InvoiceResource(InvoiceService invoices, Callers callers) {
        this.invoices = invoices;
        this.callers = callers;
    }

    /** Newest first; {@code orderId} narrows the list to that order's invoice. */
    @GET
    public List<InvoiceView> list(@QueryParam("orderId") String orderId) {
        Optional<String> given = Optional.ofNullable(orderId).filter(value -> !value.isBlank());
        return invoices.list(callers.current(), given.map(value -> Ids.parse("orderId", value))).stream()
                .map(InvoiceView::of).toList();
    }

    @GET
    @Path("/{id}")
    public InvoiceView get(@PathParam("id") String id) {
        return InvoiceView.of(invoices.get(callers.current(), Ids.parse("id", id)));
    }
}
