-- Issue #14: an outage is mailed to its subscribers in batches, not in the consumer's transaction.
-- The consumer records the fan-out (with its processed-event id); a worker then queues the delivery
-- rows a batch of subscriptions at a time, moving the cursor in the same transaction as the batch's
-- rows, so the sender starts on the first batch while later ones are still being queued, and a crash
-- resumes after the last committed batch. The delivery rows' unique key still stops any duplicate.
create table fan_out (
    event_id            uuid          primary key,
    event_type          varchar(200)  not null,
    payload             text          not null,   -- OutageEventV1
    region              varchar(50)   not null,
    systems             varchar(2000) not null,   -- ",cosmic,"
    after_subscription  uuid,                     -- subscriptions up to this id are queued
    queued              integer       not null default 0,
    created_at          timestamptz   not null,
    done_at             timestamptz
);
create index fan_out_open on fan_out (created_at) where done_at is null;
