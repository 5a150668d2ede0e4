package dev.polyshop.accounting.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.subdoc.PathExistsException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import com.couchbase.client.java.kv.MutateInOptions;
import com.couchbase.client.java.kv.MutateInSpec;
import com.couchbase.client.java.kv.ReplaceOptions;
import com.couchbase.client.java.kv.StoreSemantics;

import dev.polyshop.accounting.Invoice;

/**
 * Invoices in Couchbase with key-value and sub-document operations only (no N1QL, which the design does not require
 * and the local stand-in lacks). The listings read index documents, each a set of invoice ids kept with
 * {@code arrayAddUnique}, so adding an id twice changes nothing:
 *
 * <pre>
 * invoice::&lt;invoiceId&gt;             the invoice, with the stream version it reflects
 * invoices-by-customer::&lt;username&gt;  {"ids": [invoiceId, ...]}
 * invoices-by-year::&lt;yyyy&gt;          {"ids": [invoiceId, ...]}, by the year of issue
 * invoice-years                      {"years": [yyyy, ...]}
 * </pre>
 *
 * There is no index by order: an invoice's id is derived from its order's id.
 */
@ApplicationScoped
public class InvoiceRepository {

    static final String INVOICE = "invoice::";
    static final String BY_CUSTOMER = "invoices-by-customer::";
    static final String BY_YEAR = "invoices-by-year::";
    static final String YEARS = "invoice-years";

    private static final Comparator<Invoice> NEWEST_FIRST = Comparator.comparing(Invoice::issuedAt)
            .thenComparing(Invoice::number).reversed();

    private final Collection collection;

    public InvoiceRepository(Collection collection) {
        this.collection = collection;
    }

    public Optional<Invoice> find(UUID id) {
        return findVersioned(id).map(Versioned::value);
    }

    /** The invoice with the CAS value to replace it with. */
    public Optional<Versioned<Invoice>> findVersioned(UUID id) {
        try {
            GetResult result = collection.get(INVOICE + id);
            return Optional.of(new Versioned<>(result.contentAs(Invoice.class), result.cas()));
        } catch (DocumentNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a new invoice. Its index entries are added first: once the invoice document exists, every listing finds
     * it, and an apply repeated after a crash in between sees the document and has nothing left to do.
     *
     * @throws DocumentExistsException someone stored it first
     */
    public void insert(Invoice invoice) {
        addToSet(BY_CUSTOMER + invoice.customer(), "ids", invoice.id().toString());
        addToSet(BY_YEAR + invoice.year(), "ids", invoice.id().toString());
        addToSet(YEARS, "years", invoice.year());
        collection.insert(INVOICE + invoice.id(), invoice);
    }

    /** @throws com.couchbase.client.core.error.CasMismatchException it changed since it was read */
    public void replace(Invoice invoice, long cas) {
        collection.replace(INVOICE + invoice.id(), invoice, ReplaceOptions.replaceOptions().cas(cas));
    }

    /** Newest first. */
    public List<Invoice> ofCustomer(String customer) {
        return newestFirst(load(ids(BY_CUSTOMER + customer)));
    }

    public List<Invoice> ofYear(int year) {
        return load(ids(BY_YEAR + year));
    }

    /** Newest first. */
    public List<Invoice> all() {
        List<Invoice> all = new ArrayList<>();
        years().forEach(year -> all.addAll(ofYear(year)));
        return newestFirst(all);
    }

    /**
     * Deletes every invoice document and every index, found through the indexes themselves. The indexes go last, so
     * that a wipe interrupted half way can be run again and still finds what is left.
     *
     * @return the invoices deleted
     */
    public List<Invoice> deleteAll() {
        List<Integer> years = years();
        List<Invoice> invoices = new ArrayList<>();
        years.forEach(year -> invoices.addAll(ofYear(year)));
        Set<String> customers = new LinkedHashSet<>();
        invoices.forEach(invoice -> customers.add(invoice.customer()));
        customers.forEach(customer -> remove(BY_CUSTOMER + customer));
        invoices.forEach(invoice -> remove(INVOICE + invoice.id()));
        years.forEach(year -> remove(BY_YEAR + year));
        remove(YEARS);
        return invoices;
    }

    public List<Integer> years() {
        try {
            return collection.get(YEARS).contentAs(YearIndex.class).years();
        } catch (DocumentNotFoundException e) {
            return List.of();
        }
    }

    private List<UUID> ids(String key) {
        try {
            return collection.get(key).contentAs(IdIndex.class).ids().stream().map(UUID::fromString).toList();
        } catch (DocumentNotFoundException e) {
            return List.of();
        }
    }

    /**
     * Reads the invoices in parallel. An id without a document is one whose invoice is being stored right now: it is
     * left out until the document is there.
     */
    private List<Invoice> load(List<UUID> ids) {
        List<CompletableFuture<Optional<Invoice>>> reads = ids.stream()
                .map(id -> collection.async().get(INVOICE + id)
                        .thenApply(result -> Optional.of(result.contentAs(Invoice.class)))
                        .exceptionally(InvoiceRepository::absentIfNotFound))
                .toList();
        try {
            return reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Optional<Invoice> absentIfNotFound(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof DocumentNotFoundException) {
            return Optional.empty();
        }
        throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private static List<Invoice> newestFirst(List<Invoice> invoices) {
        return invoices.stream().sorted(NEWEST_FIRST).toList();
    }

    /** Adds a value to an array used as a set, creating the document if needed; a value already there is no change. */
    private void addToSet(String key, String path, Object value) {
        try {
            collection.mutateIn(key, List.of(MutateInSpec.arrayAddUnique(path, value).createPath()),
                    MutateInOptions.mutateInOptions().storeSemantics(StoreSemantics.UPSERT));
        } catch (PathExistsException e) {
            // already in the set
        }
    }

    private void remove(String key) {
        try {
            collection.remove(key);
        } catch (DocumentNotFoundException e) {
            // already gone
        }
    }

    record IdIndex(List<String> ids) {
    }

    record YearIndex(List<Integer> years) {
    }
}
