package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary values for what only this service reads: the aggregation repartition topic and the
 * working stores of the windows. They are read and written for every record, and JSON cost more than
 * the aggregation itself. Each value starts with a format version, so a later layout can still read
 * this one. Output topics stay JSON.
 */
final class BinarySerdes {

    private static final byte VERSION = 1;

    static final Serde<WindowMentions> WINDOW_MENTIONS = serde(BinarySerdes::writeWindowMentions,
            BinarySerdes::readWindowMentions);
    static final Serde<EventGroup> EVENT_GROUP = serde(BinarySerdes::writeEventGroup, BinarySerdes::readEventGroup);
    static final Serde<WindowSummary> WINDOW_SUMMARY = serde(BinarySerdes::writeSummary, BinarySerdes::readSummary);

    private BinarySerdes() {
    }

    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new SerializationException("unknown format version " + version + " on " + topic);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("unreadable value on " + topic, e);
            }
        });
    }

    private static void writeWindowMentions(WindowMentions value, DataOutputStream out) throws IOException {
        out.writeBoolean(value.isTick());
        if (value.isTick()) {
            return;
        }
        writeString(value.dimension().id(), out);
        writeString(value.key(), out);
        writeString(value.window().suffix(), out);
        out.writeLong(value.startMillis());
        out.writeLong(value.endMillis());
        writeMentions(value.mentions(), out);
    }

    private static WindowMentions readWindowMentions(DataInputStream in) throws IOException {
        if (in.readBoolean()) {
            return WindowMentions.TICK;
        }
        return new WindowMentions(Dimension.fromId(readString(in)), readString(in),
                CalendarWindow.fromIsoPeriod(readString(in)), in.readLong(), in.readLong(), readMentions(in));
    }

    private static void writeEventGroup(EventGroup group, DataOutputStream out) throws IOException {
        writeMentions(group.mentions, out);
    }

    private static EventGroup readEventGroup(DataInputStream in) throws IOException {
        EventGroup group = new EventGroup();
        group.mentions = readMentions(in);
        return group;
    }

    private static void writeSummary(WindowSummary summary, DataOutputStream out) throws IOException {
        out.writeLong(summary.events);
        out.writeLong(summary.articles);
        out.writeInt(summary.byType.size());
        for (var count : summary.byType.entrySet()) {
            writeString(count.getKey(), out);
            out.writeLong(count.getValue());
        }
        out.writeLong(summary.fundingMin);
        out.writeLong(summary.fundingMaxKnown);
        out.writeLong(summary.fundingMaxUnknown);
    }

    private static WindowSummary readSummary(DataInputStream in) throws IOException {
        WindowSummary summary = new WindowSummary();
        summary.events = in.readLong();
        summary.articles = in.readLong();
        int types = in.readInt();
        summary.byType = new TreeMap<>();
        for (int i = 0; i < types; i++) {
            summary.byType.put(readString(in), in.readLong());
        }
        summary.fundingMin = in.readLong();
        summary.fundingMaxKnown = in.readLong();
        summary.fundingMaxUnknown = in.readLong();
        return summary;
    }

    private static void writeMentions(List<Mention> mentions, DataOutputStream out) throws IOException {
        out.writeInt(mentions.size());
        for (Mention mention : mentions) {
            writeString(mention.eventId(), out);
            writeString(mention.articleId(), out);
            writeString(mention.type().name(), out);
            writeString(mention.subject(), out);
            writeString(mention.date(), out);
            writeLong(mention.cnyMin(), out);
            writeLong(mention.cnyMax(), out);
            out.writeBoolean(mention.hasAmount());
        }
    }

    private static List<Mention> readMentions(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<Mention> mentions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            mentions.add(new Mention(readString(in), readString(in), EventType.valueOf(readString(in)),
                    readString(in), readString(in), readLong(in), readLong(in), in.readBoolean()));
        }
        return mentions;
    }

    /** A nullable string: its UTF-8 length (-1 for null), then its bytes. */
    private static void writeString(String value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeLong(Long value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }
}
