-- Maintenance windows: a series (RRULE in local time + IANA zone) or a one-off disruption.
create table maintenance_window (
    id           uuid          primary key,
    sequence     integer       not null,             -- iCal SEQUENCE: rises on every change
    title        varchar(200)  not null,
    description  varchar(4000),
    region_code  varchar(50)   not null,
    time_zone    varchar(60)   not null,
    start_local  timestamp     not null,             -- wall-clock time in time_zone
    end_local    timestamp     not null,
    recurrence   varchar(500),                       -- null = one-off
    status       varchar(20)   not null,
    supersedes   uuid          references maintenance_window (id),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null
);
create index maintenance_window_region on maintenance_window (region_code);

create table window_system (
    window_id   uuid        not null references maintenance_window (id),
    system_code varchar(50) not null,
    primary key (window_id, system_code)
);

-- A cancelled or moved occurrence, identified by its original local start (iCal RECURRENCE-ID).
create table occurrence_exception (
    window_id      uuid         not null references maintenance_window (id),
    original_start timestamp    not null,
    kind           varchar(20)  not null,
    new_start      timestamp,
    new_end        timestamp,
    reason         varchar(1000),
    sequence       integer      not null,
    created_at     timestamptz  not null,
    primary key (window_id, original_start)
);
