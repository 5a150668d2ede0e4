package de.bwaldvogel.mongo.backend.h2;

import java.util.LinkedHashMap;
import java.util.Map;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * H2's object key type, written and read exactly as before, but comparing two {@link KeyValue}s by serialized bytes it
 * remembers: the keys held in the index's pages are compared again and again, each time serialized anew before.
 * {@code compareNotNull(serialize(a), serialize(b))} is what H2 does for objects that are not Comparable, so the order
 * does not change.
 */
final class CachedSerializedKeyType extends ObjectDataType {

    static final CachedSerializedKeyType INSTANCE = new CachedSerializedKeyType();

    /** Keys by identity (equal KeyValues may serialize differently, an Integer and a Long), the most recent kept. */
    private static final int CACHED_KEYS = 200_000;

    private final Map<Identity, byte[]> serialized = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, byte[]> eldest) {
            return size() > CACHED_KEYS;
        }
    };

    private record Identity(Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(Object key) {
        Identity identity = new Identity(key);
        synchronized (serialized) {
            byte[] known = serialized.get(identity);
            if (known != null) {
                return known;
            }
        }
        byte[] bytes = serialize(key);
        synchronized (serialized) {
            serialized.put(identity, bytes);
        }
        return bytes;
    }
}
