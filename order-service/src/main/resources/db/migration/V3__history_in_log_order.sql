-- History lines are shown in the order of their events in the log, which a rebuild reproduces exactly; two events
-- recorded in the same millisecond would otherwise come back in whatever order they happened to be applied.
ALTER TABLE order_history ADD COLUMN position bigint;
UPDATE order_history SET position = id WHERE position IS NULL;
ALTER TABLE order_history ALTER COLUMN position SET NOT NULL;
-- Whether the line's own event set the order's status (the order's own events); the other lines show the status the
-- order had at that point of the log, whatever order they were applied in.
ALTER TABLE order_history ADD COLUMN sets_status boolean NOT NULL DEFAULT false;
