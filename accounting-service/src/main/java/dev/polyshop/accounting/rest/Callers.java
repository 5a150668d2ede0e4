package dev.polyshop.accounting.rest;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.polyshop.accounting.service.Caller;

/** The caller of the current request, from its token: the subject is the username, the groups hold the role. */
@RequestScoped
public class Callers {

    static final String CUSTOMER = "customer";
    static final String MANAGER = "manager";

    private final JsonWebToken token;

    public Callers(JsonWebToken token) {
        this.token = token;
    }

    Caller current() {
        return new Caller(token.getSubject().toLowerCase(Locale.ROOT), token.getGroups().contains(MANAGER));
    }
}
