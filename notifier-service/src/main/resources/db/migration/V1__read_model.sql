-- Read model rebuilt from the topics. Each row keeps the newest event-carried snapshot (JSON of the
-- contract record) plus the columns queries filter on.
create table catalog_region (
    code        varchar(50)  primary key,
    snapshot    text         not null      -- RegionV1
);

create table window_view (
    id          uuid         primary key,
    region      varchar(50)  not null,
    systems     varchar(2000) not null,     -- ",cosmic,labportalen," for simple containment tests
    sequence    integer      not null,
    status      varchar(20)  not null,
    updated_at  timestamptz  not null,
    snapshot    text         not null       -- WindowV1
);
create index window_view_region on window_view (region);

create table outage_view (
    id          uuid         primary key,
    region      varchar(50)  not null,
    systems     varchar(2000) not null,
    sequence    integer      not null,
    status      varchar(20)  not null,
    started_at  timestamptz  not null,
    resolved_at timestamptz,
    updated_at  timestamptz  not null,
    snapshot    text         not null       -- OutageV1
);

-- Who wants to hear about what. Tokens are random 256-bit secrets (base64url).
create table subscription (
    id                uuid         primary key,
    email             varchar(254) not null,
    regions           varchar(2000) not null,
    systems           varchar(2000) not null,
    language          varchar(2)   not null,
    status            varchar(20)  not null,  -- PENDING, ACTIVE, UNSUBSCRIBED
    confirm_token     varchar(64)  not null unique,
    unsubscribe_token varchar(64)  not null unique,
    feed_token        varchar(64)  unique,
    created_at        timestamptz  not null,
    confirmed_at      timestamptz,
    unsubscribed_at   timestamptz
);
create index subscription_active on subscription (status);

-- One row per event x recipient: the unique key is what stops a redelivered event mailing twice.
create table delivery (
    id              bigint generated always as identity primary key,
    event_id        uuid          not null,
    recipient       varchar(254)  not null,
    kind            varchar(60)   not null,
    subject         varchar(500)  not null,
    text_body       text          not null,
    html_body       text          not null,
    ics             text,
    ics_method      varchar(10),
    unsubscribe_url varchar(500),
    status          varchar(20)   not null,   -- PENDING, SENT, FAILED
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    unique (event_id, recipient)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
