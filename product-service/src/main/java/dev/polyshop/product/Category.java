package dev.polyshop.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A category as its stream last left it. Only the projection writes it; {@code version} is the version of the category
 * stream it reflects, the one a decision about the category is appended against.
 */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** The normalized name (see {@code CategoryNames.key}); null once deleted. */
    @Column(name = "name_key")
    public String nameKey;

    public boolean deleted;

    public long version;

    public boolean isLive() { return !deleted; }

    public boolean holdsName(String key) {
        return isLive() && key.equals(nameKey);
    }
}
