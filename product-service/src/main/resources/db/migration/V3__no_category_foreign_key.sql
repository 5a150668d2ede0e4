-- The product's category is checked where the change is decided (ProductService locks the category's row, which a
-- deletion of the category takes exclusively), not by a foreign key. The key made every projection of a product event
-- share-lock the category row while it already held the product's row: with a deletion of the category waiting for
-- the row, and the request that appended the event about to write that product's row, the three deadlocked.
-- Category rows are never removed (a deleted category keeps its row), so the key guarded nothing more.
ALTER TABLE product DROP FOREIGN KEY fk_product_category;
