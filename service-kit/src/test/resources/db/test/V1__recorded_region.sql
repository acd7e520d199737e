-- What the test consumer did: one row per handling, so handling an event twice shows as two rows.
create table recorded_region (
    id        bigint generated always as identity primary key,
    event_id  uuid         not null,
    code      varchar(100) not null
);
