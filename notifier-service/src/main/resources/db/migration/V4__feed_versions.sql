-- Issue #14: feeds are rendered once per change and served from memory by every replica. A replica
-- consumes only some of the events (one consumer group), so it learns of the others' changes here:
-- one counter per table a feed is made of, raised by a trigger in the same transaction as the change.
-- A replica that reads a raised counter (it polls this table, FeedVersions) therefore also reads the
-- change itself, and drops what it rendered before. A sequence would not do: nextval is not
-- transactional, so a replica could see the new number before the change commits, render the old data
-- again and keep it. The update also serialises writers of one table for the rest of their
-- transaction; the read model changes a few times a day.
create table feed_version (
    source  varchar(50) primary key,   -- the table whose changes it counts
    version bigint      not null
);
insert into feed_version (source, version) values
    ('catalog_region', 0), ('window_view', 0), ('outage_view', 0), ('subscription', 0);

create function feed_version_bump() returns trigger language plpgsql as $$
begin
    update feed_version set version = version + 1 where source = TG_TABLE_NAME;
    return null;
end;
$$;

create trigger catalog_region_feed_version after insert or update or delete or truncate on catalog_region
    for each statement execute function feed_version_bump();
create trigger window_view_feed_version after insert or update or delete or truncate on window_view
    for each statement execute function feed_version_bump();
create trigger outage_view_feed_version after insert or update or delete or truncate on outage_view
    for each statement execute function feed_version_bump();
create trigger subscription_feed_version after insert or update or delete or truncate on subscription
    for each statement execute function feed_version_bump();
