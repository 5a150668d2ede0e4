package dev.polyshop.product.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.eventstore.client.StreamConflictException;
import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.Category;
import dev.polyshop.product.Product;
import dev.polyshop.product.ProductView;
import dev.polyshop.product.config.CatalogConfig;
import dev.polyshop.product.event.ProductEvents;
import dev.polyshop.product.event.ProductEvents.ProductDetails;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Creates, replaces and deletes products. Each change is appended to the product's stream against the version this
 * service last saw, so it cannot overwrite a stock reservation it did not see: that is a conflict (409).
 */
@ApplicationScoped
public class ProductService {

    private static final String VIEW = "select new dev.polyshop.product.ProductView(p.id, p.name, p.description,"
            + " p.supplier, p.categoryId, c.name, p.price, p.unitsInStock, p.version) from Product p join Category c"
            + " on c.id = p.categoryId where p.deleted = false";

    private final EventStoreClient eventStore;
    private final CatalogProjection projection;
    private final CatalogGate gate;
    private final ProjectionWait wait;
    private final int attempts;

    public ProductService(EventStoreClient eventStore, CatalogProjection projection, CatalogGate gate,
            ProjectionWait wait, CatalogConfig config) {
        this.eventStore = eventStore;
        this.projection = projection;
        this.gate = gate;
        this.wait = wait;
        this.attempts = config.decisionAttempts();
    }

    /** Live products by name, optionally in one category and with {@code search} in their name (any case). */
    public List<ProductView> list(Optional<String> categoryId, Optional<String> search) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StringBuilder query = new StringBuilder(VIEW);
            categoryId.ifPresent(id -> query.append(" and p.categoryId = :categoryId"));
            search.ifPresent(text -> query.append(" and lower(p.name) like :search escape '!'"));
            TypedQuery<ProductView> typed = Product.getEntityManager()
                    .createQuery(query.append(" order by p.name, p.id").toString(), ProductView.class);
            categoryId.ifPresent(id -> typed.setParameter("categoryId", id));
            search.ifPresent(text -> typed.setParameter("search", "%" + likeEscaped(text.toLowerCase()) + "%"));
            return typed.getResultList();
        });
    }

    public Optional<ProductView> find(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> Product.getEntityManager()
                .createQuery(VIEW + " and p.id = :id", ProductView.class).setParameter("id", id).getResultStream()
                .findFirst());
    }

    /** @throws ProblemException 400 if the category does not exist */
    public ProductView create(ProductDetails details) {
        String id = UUID.randomUUID().toString();
        gate.pass(() -> QuarkusTransaction.requiringNew().call(() -> {
            lockCategory(details.categoryId());
            record(AppendRequest.to(ProductEvents.STREAM_TYPE, id).asNewStream()
                    .events(NewEvent.of(ProductEvents.CREATED, details)));
            return id;
        }));
        return find(id).orElseThrow();
    }

    /**
     * Replaces every field, stock included. With an expected version (the ETag the manager's form was loaded with),
     * only the product as it was then is replaced: a stock reservation or another change since would otherwise be
     * overwritten by the form's older values.
     *
     * @throws ProblemException 404 for no such product, 400 if the category does not exist, 412 if the product is no
     *         longer at the expected version
     */
    public ProductView update(String id, ProductDetails details, OptionalLong expectedVersion) {
        gate.pass(() -> QuarkusTransaction.requiringNew().call(() -> {
            Product product = live(id);
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != product.version) {
                throw new ProblemException(412, "Precondition Failed", "the product has changed since it was loaded"
                        + " (an order reserved stock, or another manager saved it); load it again");
            }
            lockCategory(details.categoryId());
            record(AppendRequest.to(ProductEvents.STREAM_TYPE, id).expectingVersion(product.version)
                    .events(NewEvent.of(ProductEvents.UPDATED, details)));
            return id;
        }));
        return find(id).orElseThrow();
    }

    /**
     * Deletes the product; a stock reservation recorded meanwhile does not stand in the way, the deletion is decided
     * again after it. Units reserved for orders are given back to the deleted product when those orders end.
     *
     * @throws ProblemException 404 for no such product
     */
    public void delete(String id) {
        for (int attempt = 1;; attempt++) {
            try {
                gate.pass(() -> QuarkusTransaction.requiringNew().call(() -> {
                    Product product = live(id);
                    record(AppendRequest.to(ProductEvents.STREAM_TYPE, id).expectingVersion(product.version)
                            .events(NewEvent.of(ProductEvents.DELETED, Map.of())));
                    return id;
                }));
                return;
            } catch (StreamConflictException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                wait.untilProductCaughtUp(e);
            }
        }
    }

    private void record(AppendRequest request) {
        AppendResult result = eventStore.append(request);
        projection.apply(result.events());
    }

    private static Product live(String id) {
        Product product = Product.findById(id);
        if (product == null || !product.isLive()) {
            throw ProblemException.notFound("product " + id);
        }
        return product;
    }

    /**
     * Holds a shared lock on the category's row until the product change is applied: a deletion of the category, which
     * takes it exclusively, then counts this product.
     */
    private static void lockCategory(String categoryId) {
        Category category = Category.findById(categoryId, LockModeType.PESSIMISTIC_READ);
        if (category == null || !category.isLive()) {
            throw ProblemException.invalid("categoryId", "no such category");
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
