package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * mongo-java-server's H2 backend with cheaper unique indexes. Their keys ({@link KeyValue}) are not Comparable, so
 * H2's default key type orders them by their Java-serialized bytes, serializing both keys again for every comparison:
 * most of the stand-in's time went there. {@link CachedSerializedKeyType} keeps the same order (files written before
 * read the same) and serializes each key once. It lives in H2Backend's package because the index class it builds is
 * package-private there; this module is never shipped.
 */
public final class FastKeyH2Backend extends H2Backend {

    public FastKeyH2Backend(MVStore store) {
        super(store);
    }

    /** Called by H2Backend's constructor too, for the databases already in the file: no field is set yet then. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        return new H2Database(databaseName, store, getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_"
                        + indexName, new MVMap.Builder<KeyValue, Object>().keyType(CachedSerializedKeyType.INSTANCE));
                return new H2UniqueIndex(map, indexName, keys, sparse);
            }
        };
    }
}
