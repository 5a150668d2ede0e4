package dev.polyshop.product;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product as its stream last left it. Only the projection writes it; {@code version} is the version of the product
 * stream it reflects. A deleted product keeps its row, so that later appends to its stream are checked against its
 * version too; so does a product stream that never held a product, as orders for unknown ids started before they were
 * refused on missing-product streams.
 */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String description;

    public String supplier;

    @Column(name = "category_id")
    public String categoryId;

    public BigDecimal price;

    /** What can still be sold: units reserved for orders are not in it. */
    @Column(name = "units_in_stock")
    public Integer unitsInStock;

    public boolean deleted;

    public long version;

    public boolean isLive() { return !deleted; }

    public boolean canReserve(int quantity) {
        return isLive() && unitsInStock >= quantity;
    }
}
