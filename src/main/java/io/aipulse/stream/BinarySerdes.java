package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
        void write(T value, Out out);
    }

    private interface Reader<T> {
        T read(In in);
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out();
            out.writeByte(VERSION);
            writer.write(value, out);
            return out.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            In in = new In(data);
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("unknown format version " + version + " on " + topic);
            }
            try {
                return reader.read(in);
            } catch (RuntimeException e) {
                throw new SerializationException("unreadable value on " + topic, e);
            }
        });
    }

    private static void writeWindowMentions(WindowMentions value, Out out) {
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

    private static WindowMentions readWindowMentions(In in) {
        if (in.readBoolean()) {
            return WindowMentions.TICK;
        }
        return new WindowMentions(Dimension.fromId(readString(in)), readString(in),
                CalendarWindow.fromIsoPeriod(readString(in)), in.readLong(), in.readLong(), readMentions(in));
    }

    private static void writeEventGroup(EventGroup group, Out out) {
        writeMentions(group.mentions, out);
    }

    private static EventGroup readEventGroup(In in) {
        EventGroup group = new EventGroup();
        group.mentions = readMentions(in);
        return group;
    }

    private static void writeSummary(WindowSummary summary, Out out) {
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

    private static WindowSummary readSummary(In in) {
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

    private static final int SAME_TYPE = 1;
    private static final int SAME_SUBJECT = 2;

    /**
     * Mentions in order; a mention's type and subject are written only when they differ from the
     * previous one's (the mentions of a group all have one type and mostly one spelling of the subject).
     */
    private static void writeMentions(List<Mention> mentions, Out out) {
        out.writeInt(mentions.size());
        Mention previous = null;
        for (Mention mention : mentions) {
            boolean sameType = previous != null && previous.type() == mention.type();
            boolean sameSubject = previous != null && Objects.equals(previous.subject(), mention.subject());
            out.writeByte((sameType ? SAME_TYPE : 0) | (sameSubject ? SAME_SUBJECT : 0));
            writeString(mention.eventId(), out);
            writeString(mention.articleId(), out);
            if (!sameType) {
                writeString(mention.type().name(), out);
            }
            if (!sameSubject) {
                writeString(mention.subject(), out);
            }
            writeString(mention.date(), out);
            writeLong(mention.cnyMin(), out);
            writeLong(mention.cnyMax(), out);
            out.writeBoolean(mention.hasAmount());
            previous = mention;
        }
    }

    private static List<Mention> readMentions(In in) {
        int size = in.readInt();
        List<Mention> mentions = new ArrayList<>(Math.min(size, 1024));
        Mention previous = null;
        for (int i = 0; i < size; i++) {
            int shared = in.readByte();
            if (previous == null && shared != 0) {
                throw new SerializationException("first mention refers to a previous one");
            }
            String eventId = readString(in);
            String articleId = readString(in);
            EventType type = (shared & SAME_TYPE) != 0 ? previous.type() : EventType.valueOf(readString(in));
            String subject = (shared & SAME_SUBJECT) != 0 ? previous.subject() : readString(in);
            previous = new Mention(eventId, articleId, type, subject, readString(in), readLong(in), readLong(in),
                    in.readBoolean());
            mentions.add(previous);
        }
        return mentions;
    }

    /** A nullable string: its UTF-8 length (-1 for null), then its bytes. */
    private static void writeString(String value, Out out) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(In in) {
        int length = in.readInt();
        return length < 0 ? null : in.readUtf8(length);
    }

    private static void writeLong(Long value, Out out) {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(In in) {
        return in.readBoolean() ? in.readLong() : null;
    }

    /** A growing byte array (no stream layers: values are written for every record). */
    private static final class Out {

        private byte[] bytes = new byte[256];
        private int size;

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            writeBigEndian(value, Integer.BYTES);
        }

        void writeLong(long value) {
            writeBigEndian(value, Long.BYTES);
        }

        private void writeBigEndian(long value, int length) {
            ensure(length);
            for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void write(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads what {@link Out} wrote; past the end it throws. */
    private static final class In {

        private final byte[] bytes;
        private int position;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        byte readByte() {
            check(1);
            return bytes[position++];
        }

        boolean readBoolean() {
            return readByte() != 0;
        }

        int readInt() {
            return (int) readBigEndian(Integer.BYTES);
        }

        long readLong() {
            return readBigEndian(Long.BYTES);
        }

        private long readBigEndian(int length) {
            check(length);
            long value = 0;
            for (int i = 0; i < length; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        String readUtf8(int length) {
            check(length);
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        private void check(int length) {
            if (length > bytes.length - position) {
                throw new SerializationException("value ends before its fields");
            }
        }
    }
}
