package org.camelbigmarker.consumer;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.camelbigmarker.consumer.feed.Feed;
import org.camelbigmarker.consumer.feed.StartFrom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's replay and reset of one consumer (docs/upgrading.md), and the lock that keeps them apart from polls:
 * an action waits for a poll in progress, and the next poll for the action. Each action logs what it did and
 * returns it in words.
 */
final class OperatorActions {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<Feed> feed;
    private final Supplier<String> routeId;

    OperatorActions(Supplier<Feed> feed, Supplier<String> routeId) {
        this.feed = feed;
        this.routeId = routeId;
    }

    /** Runs one poll of the feed, never at the same time as an action. */
    <T> T poll(Callable<T> poll) throws Exception {
        lock.lock();
        try {
            return poll.call();
        } finally {
            lock.unlock();
        }
    }

    String replayFrom(String time) {
        StartFrom from = StartFrom.parse(time);
        if (from.kind() != StartFrom.Kind.TIME) {
            throw new IllegalArgumentException("replayFrom takes a time (ISO-8601 or Unix seconds), not " + time);
        }
        return act(() -> current().replayFrom(from.time()));
    }

    String replayConference(String conferenceId) {
        return act(() -> current().replayConference(conferenceId));
    }

    String reset() {
        return act(() -> current().reset());
    }

    Feed current() {
        Feed started = feed.get();
        if (started == null) {
            throw new IllegalStateException("the BigMarker consumer of route " + routeId.get() + " is not started");
        }
        return started;
    }

    private String act(Supplier<String> action) {
        return act(action, done -> done);
    }

    /** Runs an operator's action between polls, and logs what it did in words (never an item's content). */
    <T> T act(Supplier<T> action, java.util.function.Function<T, String> inWords) {
        lock.lock();
        try {
            T done = action.get();
            LOG.info("BigMarker consumer of route {}: {}", routeId.get(), inWords.apply(done));
            return done;
        } finally {
            lock.unlock();
        }
    }
}
