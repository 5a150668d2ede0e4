package dev.polyshop.eventstore.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

/** The event store's MongoDB database and the rules for reading its write errors. */
@ApplicationScoped
public class EventStoreDatabase {

    private final MongoClient client;
    private final String database;

    public EventStoreDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.client = client;
        this.database = database;
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase(database).getCollection(name);
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
        return e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }
}
