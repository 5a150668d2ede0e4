package dev.polyshop.customer.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.polyshop.customer.Customer;
import dev.polyshop.customer.Roles;
import dev.polyshop.customer.config.CustomerConfig;
import dev.polyshop.customer.repository.CustomerRepository;
import dev.polyshop.customer.service.TokenIssuer.IssuedToken;
import dev.polyshop.problems.ProblemException;

/**
 * Logs customers and the manager in. Every failure gets the same answer, so that nobody learns which usernames exist.
 */
@ApplicationScoped
public class LoginService {

    public record Login(String token, Instant expiresAt, String username, String role) {
    }

    private final CustomerRepository customers;
    private final Passwords passwords;
    private final TokenIssuer tokens;
    private final String managerUsername;
    private final byte[] managerPassword;

    public LoginService(CustomerRepository customers, Passwords passwords, TokenIssuer tokens,
            CustomerConfig config) {
        this.customers = customers;
        this.passwords = passwords;
        this.tokens = tokens;
        this.managerUsername = Customer.normalize(config.manager().username());
        this.managerPassword = config.manager().password().getBytes(StandardCharsets.UTF_8);
    }

    public Login login(String username, String password) {
        String name = Customer.normalize(username);
        if (name.equals(managerUsername)) {
            // Constant-time: the comparison must not tell how much of a guess was right.
            if (!MessageDigest.isEqual(managerPassword, password.getBytes(StandardCharsets.UTF_8))) {
                throw failed();
            }
            return issue(name, Roles.MANAGER);
        }
        Optional<Customer> customer = customers.find(name);
        if (customer.isEmpty()) {
            passwords.checkAgainstNothing(password);
            throw failed();
        }
        if (!passwords.matches(password, customer.get().passwordHash())) {
            throw failed();
        }
        return issue(name, Roles.CUSTOMER);
    }

    private Login issue(String username, String role) {
        IssuedToken token = tokens.issue(username, role);
        return new Login(token.token(), token.expiresAt(), username, role);
    }

    private static ProblemException failed() {
        return new ProblemException(401, "Unauthorized", "wrong username or password");
    }
}
