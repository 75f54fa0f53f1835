package io.aipulse.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Locale;
import java.util.Set;

/**
 * Exports of the Kafka client and Kafka Streams meters only those the dashboard, the alerts or
 * docs/OBSERVABILITY.md use. Micrometer's Kafka binder registers every metric the clients have: about 400
 * names, most of them per client, thread, task, store, topic or partition: 376 KB of a 416 KB scrape after
 * the seeds, and no panel or alert read 9 names in 10 of them. The service's own meters, JVM and process meters
 * pass untouched.
 *
 * <p>Names are written as Prometheus shows them, without a counter's {@code _total}. {@code
 * KafkaMeterAllowListTest} keeps this list and the files in step: every name here is used by one of them,
 * and every Kafka name they use is here. To look at another Kafka metric, add it here and to the docs.
 */
final class KafkaMeterAllowList implements MeterFilter {

    static final Set<String> USED = Set.of(
            // the instance and its threads: state, liveness, failures
            "kafka_stream_client_state",
            "kafka_stream_alive_stream_threads",
            "kafka_stream_failed_stream_threads",
            "kafka_stream_thread_thread_state",
            // throughput and latency per thread
            "kafka_stream_thread_process_rate",
            "kafka_stream_thread_commit_rate",
            "kafka_stream_thread_process_latency_avg",
            "kafka_stream_thread_process_latency_max",
            "kafka_stream_thread_commit_latency_avg",
            "kafka_stream_thread_commit_latency_max",
            // records dropped after processing errors
            "kafka_stream_task_dropped_records",
            // how far behind the input the consumers are
            "kafka_consumer_fetch_manager_records_lag",
            "kafka_consumer_fetch_manager_records_lag_max",
            // state stores: entries (RocksDB's estimate, in-memory stores' count), RocksDB's memory and disk
            "kafka_stream_state_estimate_num_keys",
            "kafka_stream_state_num_keys",
            "kafka_stream_state_size_all_mem_tables",
            "kafka_stream_state_block_cache_usage",
            "kafka_stream_state_estimate_table_readers_mem",
            "kafka_stream_state_total_sst_files_size");

    private static final String KAFKA_PREFIX = "kafka.";

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (!id.getName().startsWith(KAFKA_PREFIX)) {
            return MeterFilterReply.NEUTRAL;
        }
        return USED.contains(prometheusName(id.getName())) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
    }

    /** {@code kafka.stream.task.dropped.records.total} -> {@code kafka_stream_task_dropped_records}. */
    static String prometheusName(String micrometerName) {
        String name = micrometerName.toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
    }
}
