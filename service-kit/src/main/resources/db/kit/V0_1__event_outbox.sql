-- Transactional outbox: a state change and its event commit together; the relay publishes later.
create table event_outbox (
    position      bigint generated always as identity primary key, -- assigned at insert: per-aggregate order
    event_id      uuid         not null unique,                    -- CloudEvents id
    topic         varchar(200) not null,
    event_key     varchar(200) not null,                           -- aggregate id: the Kafka record key
    event_type    varchar(200) not null,
    source        varchar(200) not null,
    subject       varchar(200),
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(1000)
);
create index event_outbox_unpublished on event_outbox (position) where published_at is null;

-- Consumers' ledger of processed event ids: a redelivered event changes nothing twice.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
