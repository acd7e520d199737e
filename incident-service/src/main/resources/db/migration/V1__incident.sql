-- Replica of the catalog topic: the known regions, their systems and support hours.
create table catalog_region (
    code                varchar(50)  primary key,
    name                varchar(100) not null,
    time_zone           varchar(60)  not null,
    support_always_open boolean      not null,
    support_opens       time,
    support_closes      time
);

create table catalog_system (
    region_code varchar(50)  not null references catalog_region (code) on delete cascade,
    code        varchar(50)  not null,
    name        varchar(100) not null,
    primary key (region_code, code)
);

-- Replica of the maintenance topic: the newest state of each window, as its event carried it.
create table window_replica (
    id         uuid         primary key,
    region     varchar(50)  not null,
    status     varchar(20)  not null,
    updated_at timestamptz  not null,
    payload    text         not null
);
create index window_replica_region on window_replica (region) where status = 'SCHEDULED';

-- Outages (driftstörningar) with their timeline.
create sequence outage_number start with 1;
create table outage (
    id          uuid         primary key,
    reference   varchar(20)  not null unique,
    title       varchar(200) not null,
    region      varchar(50)  not null,
    impact      varchar(20)  not null,
    status      varchar(20)  not null,
    started_at  timestamptz  not null,
    resolved_at timestamptz,
    sequence    integer      not null,
    updated_at  timestamptz  not null,
    version     integer      not null
);
create index outage_active on outage (region) where resolved_at is null;

create table outage_system (
    outage_id uuid        not null references outage (id),
    system    varchar(50) not null,
    primary key (outage_id, system)
);

create table outage_update (
    id        bigint generated always as identity primary key,
    outage_id uuid          not null references outage (id),
    status    varchar(20)   not null,
    message   varchar(2000) not null,
    author    varchar(100)  not null,
    at        timestamptz   not null
);
create index outage_update_outage on outage_update (outage_id);

-- Fault reports (felanmälan). Never patient data: the service rejects it before anything is stored.
create sequence fault_report_number start with 1;
create table fault_report (
    id               uuid          primary key,
    reference        varchar(20)   not null unique,
    reporter_hsa_id  varchar(31)   not null,
    unit_name        varchar(200)  not null,
    contact_name     varchar(100)  not null,
    contact_email    varchar(254)  not null,
    contact_phone    varchar(30),
    language         varchar(2)    not null,
    region           varchar(50)   not null,
    system           varchar(50)   not null,
    description      varchar(4000) not null,
    urgency          varchar(10)   not null,
    impact           varchar(10),
    priority         varchar(2),
    responsibility   varchar(10),
    assignee         varchar(100),
    status           varchar(30)   not null,
    outage_id        uuid          references outage (id),
    time_spent_minutes integer     not null default 0,
    observed_at      timestamptz,
    received_at      timestamptz   not null,
    updated_at       timestamptz   not null,
    response_due     timestamptz   not null,
    resolve_due      timestamptz   not null,
    covered_kind     varchar(30),
    covered_id       uuid,
    covered_title    varchar(200),
    covered_until    timestamptz,
    version          integer       not null
);
create index fault_report_status on fault_report (status, priority, region);
create index fault_report_burst on fault_report (region, system, received_at);
create index fault_report_outage on fault_report (outage_id);

create table fault_report_comment (
    id        bigint generated always as identity primary key,
    report_id uuid          not null references fault_report (id),
    author    varchar(100)  not null,
    text      varchar(4000) not null,
    at        timestamptz   not null
);
create index fault_report_comment_report on fault_report_comment (report_id);

-- Every change of a report: who, when, which field, from and to.
create table fault_report_audit (
    id         bigint generated always as identity primary key,
    report_id  uuid         not null references fault_report (id),
    actor      varchar(100) not null,
    at         timestamptz  not null,
    field      varchar(50)  not null,
    from_value varchar(300),
    to_value   varchar(300)
);
create index fault_report_audit_report on fault_report_audit (report_id);

-- Bursts of reports with no declared outage: a suggestion to the helpdesk to declare one.
create table burst_suggestion (
    id             uuid        primary key,
    region         varchar(50) not null,
    system         varchar(50) not null,
    status         varchar(20) not null,
    report_count   integer     not null,
    first_report_at timestamptz not null,
    last_report_at timestamptz not null,
    outage_id      uuid        references outage (id)
);
create unique index burst_suggestion_open on burst_suggestion (region, system) where status = 'OPEN';
