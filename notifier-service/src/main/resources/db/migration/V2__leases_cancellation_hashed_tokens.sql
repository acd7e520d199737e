-- Issue #15, gaps 4, 6 and 14.

-- Gap 4: a claimed mail names the sender run that holds it. A sender sends only while it still holds
-- the lease, so a batch that outlived its lease is not sent again by the replica that lost it.
alter table delivery add column lease_owner uuid;

-- Gap 6: the subscription a mail was queued for (null for mail to a fault reporter), so that
-- unsubscribing cancels what is still queued. Status may now also be CANCELLED.
alter table delivery add column subscription_id uuid;
-- Mail still queued for a subscription: found through the unsubscribe link it carries (the token is
-- still plain text here; it is hashed below).
update delivery d set subscription_id = s.id
from subscription s
where d.status = 'PENDING'
  and d.unsubscribe_url like '%/subscriptions/unsubscribe/' || s.unsubscribe_token;
create index delivery_pending_by_subscription on delivery (subscription_id) where status = 'PENDING';

-- Gap 14: only hashes of tokens are stored. The tokens are 256 random bits, so a plain SHA-256 cannot
-- be reversed by guessing (no salt or slow hash needed); PostgreSQL has sha256() built in since 11.
-- Links already mailed keep working: the hash of the old token is what a lookup compares.
alter table subscription rename column confirm_token to confirm_token_hash;
alter table subscription rename column unsubscribe_token to unsubscribe_token_hash;
alter table subscription rename column feed_token to feed_token_hash;
update subscription set
    confirm_token_hash = encode(sha256(convert_to(confirm_token_hash, 'UTF8')), 'hex'),
    unsubscribe_token_hash = encode(sha256(convert_to(unsubscribe_token_hash, 'UTF8')), 'hex'),
    feed_token_hash = case when feed_token_hash is null then null
                           else encode(sha256(convert_to(feed_token_hash, 'UTF8')), 'hex') end;
-- New subscriptions derive their unsubscribe token from the subscription id and a server key (it is
-- in every mail, so it must be writable again at any time without being stored): only the links of
-- subscriptions made before this migration are looked up by this hash.
alter table subscription alter column unsubscribe_token_hash drop not null;
-- Gap 15: renewing the private feed takes the manage token, mailed only in the confirmation mail.
-- Subscriptions made before this migration have none: to renew, they unsubscribe and subscribe again.
alter table subscription add column manage_token_hash varchar(64) unique;
create index subscription_pending_created on subscription (created_at) where status = 'PENDING';

-- Mail already sent held its links (confirm, unsubscribe) in plain text: a sent mail is never sent
-- again, so its content goes; the row stays, for its unique key.
update delivery set text_body = '', html_body = '', ics = null, unsubscribe_url = null
where status = 'SENT';
