package dev.polyshop.accounting.repository;

/** A document as read, with the CAS value that a replace must present to prove nobody changed it since. */
public record Versioned<T>(T value, long cas) {
}
