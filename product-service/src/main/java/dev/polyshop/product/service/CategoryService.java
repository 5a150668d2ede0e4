package dev.polyshop.product.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.polyshop.eventstore.client.AppendRequest;
import dev.polyshop.eventstore.client.AppendResult;
import dev.polyshop.eventstore.client.EventStoreClient;
import dev.polyshop.eventstore.client.NewEvent;
import dev.polyshop.problems.ProblemException;
import dev.polyshop.product.Category;
import dev.polyshop.product.CategoryView;
import dev.polyshop.product.Product;
import dev.polyshop.product.event.CategoryEvents;
import dev.polyshop.product.event.CategoryEvents.CategoryNamed;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Creates, renames and deletes categories. Names go through {@link CategoryNames}; the category's own stream is
 * appended to against the version this service last saw, so a concurrent change of the same category is a conflict.
 */
@ApplicationScoped
public class CategoryService {

    private static final String COUNT_PRODUCTS = "(select count(p) from Product p where p.categoryId = c.id"
            + " and p.deleted = false)";

    private final EventStoreClient eventStore;
    private final CatalogProjection projection;
    private final CategoryNames names;
    private final CatalogGate gate;

    public CategoryService(EventStoreClient eventStore, CatalogProjection projection, CategoryNames names,
            CatalogGate gate) {
        this.eventStore = eventStore;
        this.projection = projection;
        this.names = names;
        this.gate = gate;
    }

    public List<CategoryView> list() {
        return QuarkusTransaction.joiningExisting().call(() -> Category.getEntityManager()
                .createQuery("select new dev.polyshop.product.CategoryView(c.id, c.name, " + COUNT_PRODUCTS
                        + ") from Category c where c.deleted = false order by c.name, c.id", CategoryView.class)
                .getResultList());
    }

    public Optional<CategoryView> find(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> Category.getEntityManager()
                .createQuery("select new dev.polyshop.product.CategoryView(c.id, c.name, " + COUNT_PRODUCTS
                        + ") from Category c where c.id = :id and c.deleted = false", CategoryView.class)
                .setParameter("id", id).getResultStream().findFirst());
    }

    /** @throws ProblemException 409 if another category has that name */
    public CategoryView create(String name) {
        String id = UUID.randomUUID().toString();
        return gate.pass(() -> {
            names.claim(name, id, 0, null).ifPresent(names::complete);
            return find(id).orElseThrow();
        });
    }

    /** @throws ProblemException 404 for no such category, 409 if another category has that name */
    public CategoryView rename(String id, String name) {
        return gate.pass(() -> {
            Category category = live(id);
            if (CategoryNames.key(name).equals(category.nameKey)) {
                respell(category, name.strip());
                return find(id).orElseThrow();
            }
            Optional<CategoryNames.Claim> claim = names.claim(name, id, category.version, category.name);
            if (claim.isPresent() && !names.complete(claim.get())) {
                names.release(claim.get());
                throw ProblemException.conflict("the category was changed meanwhile; try again");
            }
            names.settle(category.nameKey);
            return find(id).orElseThrow();
        });
    }

    /** @throws ProblemException 404 for no such category, 409 while it holds products */
    public void delete(String id) {
        gate.pass(() -> {
            String formerName = QuarkusTransaction.requiringNew().call(() -> deleteIfEmpty(id));
            names.settle(formerName);
            return null;
        });
    }

    /**
     * The category's row stays locked from the check to the append, and every product change locks the row of its
     * category for its own decision: a product cannot be added to a category while it is being deleted.
     */
    private String deleteIfEmpty(String id) {
        Category category = Category.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (category == null || !category.isLive()) {
            throw ProblemException.notFound("category " + id);
        }
        long products = Product.count("categoryId = ?1 and deleted = false", id);
        if (products > 0) {
            throw ProblemException.conflict("the category still holds " + products + " product"
                    + (products == 1 ? "" : "s"));
        }
        AppendResult result = eventStore.append(AppendRequest.to(CategoryEvents.STREAM_TYPE, id)
                .expectingVersion(category.version).events(NewEvent.of(CategoryEvents.DELETED, Map.of())));
        projection.apply(result.events());
        return category.nameKey;
    }

    /** A new spelling of the name the category holds already ("books" to "Books"): no claim needed. */
    private void respell(Category category, String name) {
        if (name.equals(category.name)) {
            return;
        }
        AppendResult result = eventStore.append(AppendRequest.to(CategoryEvents.STREAM_TYPE, category.id)
                .expectingVersion(category.version)
                .events(NewEvent.of(CategoryEvents.RENAMED, new CategoryNamed(name))));
        projection.apply(result.events());
    }

    private static Category live(String id) {
        Category category = QuarkusTransaction.requiringNew().call(() -> Category.findById(id));
        if (category == null || !category.isLive()) {
            throw ProblemException.notFound("category " + id);
        }
        return category;
    }
}
