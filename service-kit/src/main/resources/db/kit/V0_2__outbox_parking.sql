-- A parked event is one Kafka refused for good (too large, not serialisable, an invalid topic) or that
-- failed driftinfo.outbox.max-attempts times while the events around it went through. The relay passes
-- over it so later events flow; an operator looks at last_error and requeues it (docs/operations.md).
alter table event_outbox add column parked_at timestamptz;
drop index event_outbox_unpublished;
create index event_outbox_unpublished on event_outbox (position) where published_at is null and parked_at is null;
create index event_outbox_parked on event_outbox (position) where parked_at is not null;
