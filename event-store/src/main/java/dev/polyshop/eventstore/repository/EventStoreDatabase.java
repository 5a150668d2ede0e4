package dev.polyshop.eventstore.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** The event store's MongoDB database and the rules for reading its write errors. */
@ApplicationScoped
public class EventStoreDatabase {

    private final MongoClient client;
    private final String database;

    public EventStoreDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.client = client;
        this.database = database;
    }

    /**
     * A collection whose writes are acknowledged only once they are on disk (the journal; on a replica set, with the
     * configured {@code w}, a majority). An acknowledged durable write also makes every write before it durable, on
     * MongoDB as on the in-process stand-in, which is what lets the steps before it go {@link #unsynced}.
     */
    MongoCollection<Document> collection(String name) {
        MongoDatabase db = client.getDatabase(database);
        return db.getCollection(name).withWriteConcern(db.getWriteConcern().withJournal(true));
    }

    /** The same collection with writes acknowledged before they are synced: for steps a later durable write covers. */
    MongoCollection<Document> unsynced(MongoCollection<Document> collection) {
        return collection.withWriteConcern(WriteConcern.W1.withJournal(false));
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
        return e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }
}
