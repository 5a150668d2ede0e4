package dev.polyshop.product.event;

/**
 * The events of the {@code category} streams (one per category, id = category id) and of the {@code category-name}
 * streams (one per normalized name) through which names stay unique.
 */
public final class CategoryEvents {

    public static final String STREAM_TYPE = "category";
    public static final String NAME_STREAM_TYPE = "category-name";

    public static final String CREATED = "CategoryCreated";
    public static final String RENAMED = "CategoryRenamed";
    public static final String DELETED = "CategoryDeleted";
    public static final String NAME_CLAIMED = "CategoryNameClaimed";
    public static final String NAME_RELEASED = "CategoryNameReleased";

    private CategoryEvents() {
    }

    /** CategoryCreated and CategoryRenamed. */
    public record CategoryNamed(String name) {
    }

    /**
     * A category takes a name. The claim is the commit point of the creation or rename it is for: that change, appended
     * against {@code categoryVersion} of the category's stream with an id derived from the claim, follows it.
     */
    public record NameClaimed(String name, String categoryId, long categoryVersion, String previousName) {
    }

    public record NameReleased(String name, String categoryId) {
    }
}
