package se.driftinfo.notifier.feed;

/**
 * Which feed: all regions, one region, one system, or what a subscriber chose (its regions and
 * systems as stored, {@code ,a,b,}). Subscribers who chose the same share one rendering.
 */
public record FeedKey(Kind kind, String code, String systems) {

    public enum Kind {
        ALL,
        REGION,
        SYSTEM,
        SUBSCRIBER
    }

    public static FeedKey all() {
        return new FeedKey(Kind.ALL, "", "");
    }

    public static FeedKey region(String code) {
        return new FeedKey(Kind.REGION, code, "");
    }

    public static FeedKey system(String code) {
        return new FeedKey(Kind.SYSTEM, code, "");
    }

    /** A subscriber's choice: {@code regions} and {@code systems} as the subscription stores them. */
    public static FeedKey subscriber(String regions, String systems) {
        return new FeedKey(Kind.SUBSCRIBER, regions, systems);
    }
}
