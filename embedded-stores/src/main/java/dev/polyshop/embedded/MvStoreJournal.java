package dev.polyshop.embedded;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;

/** The H2 MVStore file under the durable MongoDB backend, opened without MVStore's own timed auto-commit. */
final class MvStoreJournal implements Journal {

    /**
     * How long a chunk that no longer holds live data is kept before its space is reused. MVStore's default of 45 s
     * assumes that nobody fsyncs and that the disk has flushed by then; here every commit is synced before the next one
     * starts. With the default, a few thousand commits a second kept tens of MB of dead chunks alive. Reads that could
     * still need an older version register it ({@link #read}), which MVStore honours whatever the retention.
     */
    private static final int RETENTION_MILLIS = 0;
    /** Chunks less full than this are rewritten by {@link #compact()}. */
    private static final int TARGET_FILL_RATE = 50;
    /** At most this many bytes of live data are moved per {@link #compact()}, which runs under the writers' lock. */
    private static final int COMPACT_WRITE_BYTES = 1024 * 1024;

    /**
     * MVStore's page cache. Its default of 16 MB held too few index pages once the log grew: lookups went back to the
     * file and deserialized the same pages again and again.
     */
    private static final int CACHE_MB = 96;

    private final MVStore store;

    private MvStoreJournal(MVStore store) {
        this.store = store;
    }

    static MvStoreJournal open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(CACHE_MB)
                .open();
        store.setRetentionTime(RETENTION_MILLIS);
        return new MvStoreJournal(store);
    }

    MVStore store() {
        return store;
    }

    @Override
    public boolean commit() {
        if (!store.hasUnsavedChanges()) {
            return false;
        }
        store.commit();
        return true;
    }

    @Override
    public void sync() {
        store.sync();
    }

    @Override
    public <T> T read(Supplier<T> read) {
        TxCounter version = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    @Override
    public void compact() {
        store.compact(TARGET_FILL_RATE, COMPACT_WRITE_BYTES);
    }
}
