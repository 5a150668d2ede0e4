package dev.polyshop.eventstore.client;

/** A message that can never be processed, however often it is delivered: it belongs in the dead-letter queue. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
