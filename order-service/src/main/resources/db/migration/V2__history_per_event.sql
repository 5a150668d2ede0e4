-- Each history line comes from one recorded event; the event id makes a redelivered event add nothing.
ALTER TABLE order_history ADD COLUMN event_id uuid;
CREATE UNIQUE INDEX ux_order_history_event ON order_history (event_id);
