package dev.polyshop.customer.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.polyshop.customer.service.LoginService;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final LoginService logins;

    public AuthResource(LoginService logins) {
        this.logins = logins;
    }

    @POST
    @Path("/login")
    public LoginResponse login(@Valid @NotNull LoginRequest request) {
        return LoginResponse.of(logins.login(request.username(), request.password()));
    }
}
