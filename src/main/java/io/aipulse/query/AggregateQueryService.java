package io.aipulse.query;

import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.AipulseTopology;
import io.aipulse.stream.GroupKey;
import io.aipulse.stream.GroupPartitioner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Answers aggregate queries from the query store of this instance, and says which instance owns a
 * group when it is not this one. All windows of a group live in one partition (the aggregation is
 * partitioned by group key), so one instance answers a whole query for one group; a list of every group
 * of a dimension is the union of what each instance holds ({@link AggregateLists}).
 */
public final class AggregateQueryService {

    /** The order of list answers: window start, then group key. */
    public static final Comparator<AggregateRecord> BY_WINDOW_THEN_KEY =
            Comparator.comparing(AggregateRecord::windowStart).thenComparing(AggregateRecord::key);

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self this instance's {@code application.server}, or null when it runs alone */
    public AggregateQueryService(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** Thrown while the answer cannot be known yet (rebalancing, restoring): HTTP 503. */
    public static final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;

        NotReady(String message) {
            super(message);
        }
    }

    /** The instance owning the query's group, when it is another one. */
    public Optional<HostInfo> remoteOwner(AggregateQuery query) throws NotReady {
        if (self == null || query.forwarded()) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(AipulseTopology.RESULT_STORE,
                GroupKey.of(query.dimension(), query.key()), new GroupPartitioner());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new NotReady("the owner of this key is not known yet (rebalancing)");
        }
        HostInfo owner = metadata.activeHost();
        return owner.equals(self) ? Optional.empty() : Optional.of(owner);
    }

    /** The other instances of this application that host the query store (none when this one runs alone). */
    public List<HostInfo> otherInstances() throws NotReady {
        if (self == null) {
            return List.of();
        }
        running();
        List<HostInfo> others = new ArrayList<>();
        for (StreamsMetadata instance : streams.streamsMetadataForStore(AipulseTopology.RESULT_STORE)) {
            if (!instance.hostInfo().equals(self)) {
                others.add(instance.hostInfo());
            }
        }
        return others;
    }

    public List<AggregateRecord> local(AggregateQuery query) throws NotReady {
        List<AggregateRecord> found = new ArrayList<>();
        String key = GroupKey.withWindow(query.dimension(), query.key(), query.window());
        try (WindowStoreIterator<AggregateRecord> it = store().fetch(key, query.from(), query.to())) {
            it.forEachRemaining(entry -> found.add(entry.value));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            throw new NotReady("query store not available: " + e.getMessage());
        }
        return found;
    }

    /**
     * Every group of the query's dimension and window size that this instance's active tasks hold, by window
     * start then key. The store is keyed by group and size, so this reads the windows of the time range
     * of every group and keeps the ones asked for.
     */
    public List<AggregateRecord> localList(AggregateListQuery query) throws NotReady {
        String prefix = GroupKey.of(query.dimension(), "");
        String suffix = GroupKey.withWindow(query.dimension(), "", query.window()).substring(prefix.length());
        List<AggregateRecord> found = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, AggregateRecord> it = store().fetchAll(query.from(), query.to())) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, AggregateRecord> entry = it.next();
                String key = entry.key.key();
                // sector-city keys start with "sector-", not "sector|": the prefix tells the dimensions apart
                if (key.startsWith(prefix) && key.endsWith(suffix)) {
                    found.add(entry.value);
                }
            }
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            throw new NotReady("query store not available: " + e.getMessage());
        }
        found.sort(BY_WINDOW_THEN_KEY);
        return found;
    }

    private void running() throws NotReady {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotReady("stream is " + streams.state());
        }
    }

    private ReadOnlyWindowStore<String, AggregateRecord> store() throws NotReady {
        running();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(AipulseTopology.RESULT_STORE,
                    QueryableStoreTypes.windowStore()));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            throw new NotReady("query store not available: " + e.getMessage());
        }
    }
}
