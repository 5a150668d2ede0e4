package dev.polyshop.accounting.rest;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.accounting.service.RevenueService;
import dev.polyshop.accounting.service.RevenueService.Revenue;
import dev.polyshop.problems.ProblemException;

/** Revenue of a year, per month: managers only. */
@Path("/api/revenue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Callers.MANAGER)
public class RevenueResource {

    private static final Pattern YEAR = Pattern.compile("[1-9]\\d{3}");

    private final RevenueService revenue;

    public RevenueResource(RevenueService revenue) {
        this.revenue = revenue;
    }

    @GET
    public Revenue ofYear(@QueryParam("year") String year) {
        if (year == null || !YEAR.matcher(year).matches()) {
            throw ProblemException.invalid("year", "must be a year of four digits, e.g. 2026");
        }
        return revenue.of(Integer.parseInt(year));
    }
}
