package dev.polyshop.embedded;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Records every query that mongo-java-server answers by scanning a whole collection. It picks an index by asking each
 * one whether it can handle the filter (AbstractMongoCollection.queryDocuments), and reads every document when none
 * can; this asks the same question before the command runs. A scan that is harmless on a test's ten documents is what
 * makes the stand-in, and a real MongoDB without the index, slow on the local run's thousands.
 * <p>
 * A count without a filter is not recorded: it is answered from the collection's size. An aggregation always is, as
 * mongo-java-server feeds every pipeline the whole collection, whatever its leading $match. Queries on a collection that
 * does not exist yet read nothing and are not recorded.
 */
final class ScanRecordingBackend extends DelegatingBackend {

    private static final String ADMIN_DATABASE = "admin";

    private final List<Scan> scans = new CopyOnWriteArrayList<>();

    ScanRecordingBackend(MongoBackend delegate) {
        super(delegate);
    }

    List<Scan> scans() {
        return List.copyOf(scans);
    }

    void clearScans() {
        scans.clear();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!database.equals(ADMIN_DATABASE) && query.get(command) instanceof String collection) {
            recordScans(database, collection, command, query);
        }
        return super.handleCommand(channel, database, command, query);
    }

    private void recordScans(String database, String collectionName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        List<Document> filters = filters(name, query);
        if (filters.isEmpty()) {
            return;
        }
        MongoCollection<?> collection = resolveDatabase(database).resolveCollection(collectionName, false);
        if (collection == null) {
            return;
        }
        for (Document filter : filters) {
            if (name.equals("aggregate") || noIndexCanHandle(collection, filter)) {
                scans.add(new Scan(database, collectionName, command, filter));
            }
        }
    }

    /** The filters the command will query the collection with; none for commands that do not query. */
    private static List<Document> filters(String command, Document query) {
        return switch (command) {
            case "find" -> List.of(document(query.get("filter")));
            case "findandmodify", "distinct" -> List.of(document(query.get("query")));
            case "count" -> countFilter(document(query.get("query")));
            case "update" -> statementFilters(query.get("updates"));
            case "delete" -> statementFilters(query.get("deletes"));
            case "aggregate" -> List.of(leadingMatch(query.get("pipeline")));
            default -> List.of();
        };
    }

    private static List<Document> countFilter(Document filter) {
        return filter.isEmpty() ? List.of() : List.of(filter);
    }

    private static List<Document> statementFilters(Object statements) {
        if (!(statements instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .map(statement -> statement instanceof Document document ? document(document.get("q")) : new Document())
                .toList();
    }

    private static Document leadingMatch(Object pipeline) {
        if (pipeline instanceof List<?> stages && !stages.isEmpty() && stages.get(0) instanceof Document first) {
            return document(first.get("$match"));
        }
        return new Document();
    }

    /** A missing filter matches everything, which is a scan too. */
    private static Document document(Object filter) {
        return filter instanceof Document document ? document : new Document();
    }

    private static boolean noIndexCanHandle(MongoCollection<?> collection, Document filter) {
        return collection.getIndexes().stream().noneMatch(index -> index.canHandle(filter));
    }
}
