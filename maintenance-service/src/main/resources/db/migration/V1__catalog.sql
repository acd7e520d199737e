-- The regions and the systems they lend to clinics, seeded from the regions' contracts.
create table region (
    code                varchar(50)  primary key,
    name                varchar(100) not null,
    time_zone           varchar(60)  not null,
    support_always_open boolean      not null,
    support_opens       time,
    support_closes      time,
    published_hash      varchar(64)  -- what was last put on the catalog topic; null = not yet
);

create table system (
    region_code varchar(50)  not null references region (code),
    code        varchar(50)  not null,
    name        varchar(100) not null,
    primary key (region_code, code)
);

insert into region (code, name, time_zone, support_always_open, support_opens, support_closes) values
    ('norrbotten',          'Region Norrbotten',          'Europe/Stockholm', false, '07:00', '16:00'),
    ('kronoberg',           'Region Kronoberg',           'Europe/Stockholm', true,  null,    null),
    ('dalarna',             'Region Dalarna',             'Europe/Stockholm', false, '08:00', '17:00'),
    ('varmland',            'Region Värmland',            'Europe/Stockholm', false, '07:30', '16:30'),
    ('jamtland-harjedalen', 'Region Jämtland Härjedalen', 'Europe/Stockholm', true,  null,    null);

insert into system (region_code, code, name) values
    ('norrbotten', 'cosmic', 'Cosmic'),
    ('norrbotten', 'vas-las', 'VAS läs'),
    ('norrbotten', 'labportalen', 'Labportalen'),
    ('norrbotten', 'sectra', 'Sectra'),
    ('norrbotten', 'lifecare-sp', 'Lifecare SP'),
    ('kronoberg', 'cosmic', 'Cosmic'),
    ('kronoberg', 'sectra-pacs-vna', 'Sectra PACS/VNA'),
    ('kronoberg', '1177', '1177 e-tjänster'),
    ('kronoberg', 'tele-q', 'Tele-Q'),
    ('dalarna', 'takecare', 'TakeCare'),
    ('dalarna', 'sema-200', 'Sema 200'),
    ('dalarna', 'webcert', 'Webcert'),
    ('dalarna', 'npo', 'NPÖ'),
    ('dalarna', 'picsara', 'Picsara'),
    ('varmland', 'cosmic', 'Cosmic'),
    ('varmland', '1177', '1177 e-tjänster'),
    ('varmland', 'rgs-webb', 'RGS webb'),
    ('jamtland-harjedalen', 'citrix', 'Citrix'),
    ('jamtland-harjedalen', 'npo', 'NPÖ'),
    ('jamtland-harjedalen', 'pascal', 'Pascal'),
    ('jamtland-harjedalen', '1177', '1177 e-tjänster');
