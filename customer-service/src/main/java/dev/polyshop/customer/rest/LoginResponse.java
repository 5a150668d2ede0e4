package dev.polyshop.customer.rest;

import java.time.Instant;

import dev.polyshop.customer.service.LoginService.Login;

public record LoginResponse(String token, String tokenType, Instant expiresAt, String username, String role) {

    static LoginResponse of(Login login) {
        return new LoginResponse(login.token(), "Bearer", login.expiresAt(), login.username(), login.role());
    }
}
