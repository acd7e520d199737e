-- The replica keeps the window's sequence too: the kit's one rule for "newer snapshot wins" compares the
-- sequence first, then updated_at. Rows from before are taken as sequence 0, so any later event replaces them.
alter table window_replica add column sequence bigint not null default 0;
