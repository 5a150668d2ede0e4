package dev.polyshop.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A category-name stream as last seen: which category holds the name, by which claim. {@code categoryId} is null when
 * the name is free. Only the projection writes it.
 */
@Entity
@Table(name = "category_name")
public class CategoryName extends PanacheEntityBase {

    @Id
    @Column(name = "stream_id")
    public String streamId;

    @Column(name = "name_key")
    public String nameKey;

    public String name;

    @Column(name = "category_id")
    public String categoryId;

    @Column(name = "claim_event_id")
    public String claimEventId;

    /** The version of the holder's stream that the claimed change (creation or rename) is appended against. */
    @Column(name = "category_version")
    public Long categoryVersion;

    @Column(name = "previous_name")
    public String previousName;

    public long version;

    public boolean isHeld() { return categoryId != null; }
}
