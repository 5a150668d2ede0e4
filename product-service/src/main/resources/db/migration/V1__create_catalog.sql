-- The catalog: categories and the products in them. Ids are UUID strings made by the service; version is the
-- optimistic lock of the entity. Stock and price can never go negative, whatever the code does.

CREATE TABLE category (
    id      CHAR(36)     NOT NULL,
    name    VARCHAR(100) NOT NULL,
    version BIGINT       NOT NULL,
    PRIMARY KEY (id),
    -- A case-insensitive collation, so "Books" and "books" are the same name.
    CONSTRAINT uk_category_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE product (
    id             CHAR(36)      NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    description    VARCHAR(2000),
    supplier       VARCHAR(200),
    category_id    CHAR(36)      NOT NULL,
    price          DECIMAL(12,2) NOT NULL,
    units_in_stock INT           NOT NULL,
    version        BIGINT        NOT NULL,
    PRIMARY KEY (id),
    -- No cascade: a category that still holds products cannot be deleted.
    CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT ck_product_price CHECK (price >= 0),
    CONSTRAINT ck_product_units_in_stock CHECK (units_in_stock >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Listings are sorted by name, within a category or across the shop.
CREATE INDEX ix_product_category_name ON product (category_id, name);
CREATE INDEX ix_product_name ON product (name);
