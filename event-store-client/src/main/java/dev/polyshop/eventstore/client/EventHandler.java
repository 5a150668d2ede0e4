package dev.polyshop.eventstore.client;

/** Reacts to one recorded event. Throwing makes the message come back later, up to the delivery limit. */
@FunctionalInterface
public interface EventHandler {

    void handle(RecordedEvent event) throws Exception;
}
