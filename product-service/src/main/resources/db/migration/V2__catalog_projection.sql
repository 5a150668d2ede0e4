-- The catalog as a projection of the event store: a row per category stream and per product stream, at the version
-- of the last event applied, with stock reservations and the orders known to have ended beside them.
--
-- Deleted categories and products keep their row (deleted = TRUE): the version of their stream stays known, so that
-- what is appended to it later (a stock release, a failed reservation) is still checked against that version.

-- Names are unique through the event store (category-name streams); name_key is the same normalized name, unique
-- here as a last guard. A binary collation, so the database compares names exactly as the service does (the table's
-- collation would also equate accented and unaccented letters). A deleted category no longer holds its name.
ALTER TABLE category
    DROP INDEX uk_category_name,
    MODIFY name VARCHAR(100) NULL,
    ADD COLUMN name_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER name,
    ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE AFTER name_key,
    ADD CONSTRAINT uk_category_name_key UNIQUE (name_key),
    ADD CONSTRAINT ck_category_live_named CHECK (deleted OR (name IS NOT NULL AND name_key IS NOT NULL));

CREATE INDEX ix_category_name ON category (name);

-- A product stream can exist without a product: an order naming an id that never was one records its refusal there.
-- Such a stream has a deleted row without details.
ALTER TABLE product
    MODIFY name VARCHAR(200) NULL,
    MODIFY category_id CHAR(36) NULL,
    MODIFY price DECIMAL(12,2) NULL,
    MODIFY units_in_stock INT NULL,
    ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT ck_product_live_complete CHECK (deleted OR (name IS NOT NULL AND category_id IS NOT NULL
        AND price IS NOT NULL AND units_in_stock IS NOT NULL));

-- One row per category-name stream (its id is derived from the normalized name): who holds the name, through which
-- claim, and the category version that claim expects to change.
CREATE TABLE category_name (
    stream_id        CHAR(36)     NOT NULL,
    name_key         VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name             VARCHAR(100) NOT NULL,
    category_id      CHAR(36),
    claim_event_id   CHAR(36),
    category_version BIGINT,
    previous_name    VARCHAR(100),
    version          BIGINT       NOT NULL,
    PRIMARY KEY (stream_id),
    CONSTRAINT uk_category_name_stream_key UNIQUE (name_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The stock decision taken for each order (orders name one product): what was reserved, refused or released.
-- event_id is the event that decided it; a release derives its own id from it, so there is one release per reservation.
CREATE TABLE stock_reservation (
    order_id   CHAR(36)      NOT NULL,
    product_id CHAR(36)      NOT NULL,
    customer   VARCHAR(64),
    quantity   INT           NOT NULL,
    unit_price DECIMAL(12,2),
    status     VARCHAR(16)   NOT NULL,
    reason     VARCHAR(32),
    event_id   CHAR(36)      NOT NULL,
    PRIMARY KEY (order_id),
    CONSTRAINT ck_stock_reservation_status CHECK (status IN ('RESERVED', 'FAILED', 'RELEASED')),
    CONSTRAINT ck_stock_reservation_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stock_reservation_product ON stock_reservation (product_id, status);

-- Orders rejected or cancelled (or whose credit was refused): a reservation asked for later is not made, one made
-- meanwhile is released.
CREATE TABLE ended_order (
    order_id CHAR(36)    NOT NULL,
    ended_by VARCHAR(64) NOT NULL,
    event_id CHAR(36)    NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
