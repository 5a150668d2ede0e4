package dev.polyshop.eventstore.messaging;

import org.bson.BsonInvalidOperationException;
import org.bson.BsonSerializationException;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;

/** Tells an outage of the database, which passes, from a request the database refuses, which it always will. */
final class StoreFailures {

    private StoreFailures() {
    }

    static boolean isOutage(Throwable failure) {
        return !(failure instanceof MongoWriteException || failure instanceof MongoBulkWriteException
                || failure instanceof BsonSerializationException || failure instanceof BsonInvalidOperationException
                || failure instanceof IllegalArgumentException || failure instanceof IllegalStateException);
    }
}
