package dev.polyshop.embedded;

import java.util.function.Supplier;

/**
 * The storage under a {@link GroupCommitBackend}: what it commits, syncs and compacts. An interface so that a test can
 * make a commit or a sync fail, which a real disk does too rarely to test against.
 */
interface Journal {

    /** Makes every applied change one consistent version; {@code false} when there was nothing to commit. */
    boolean commit();

    /** Forces the committed versions to the disk (fsync). */
    void sync();

    /**
     * Runs a read that takes no part in the commit barrier, keeping the version it reads from alive meanwhile: a commit
     * may otherwise free, and a later one overwrite, the file space of the pages it is about to read.
     */
    <T> T read(Supplier<T> read);

    /** Rewrites sparsely used parts of the file so that it does not grow without bound; needs a commit after it. */
    void compact();
}
