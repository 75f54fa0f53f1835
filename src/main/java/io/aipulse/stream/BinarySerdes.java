package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** 2: the identity stage's batches and state (1 was the per-window mention lists, not read any more). */
    private static final byte VERSION = 2;

    static final Serde<IdentityBatch> IDENTITY_BATCH = serde(BinarySerdes::writeIdentityBatch,
            BinarySerdes::readIdentityBatch);
    static final Serde<WindowBatch> WINDOW_BATCH = serde(BinarySerdes::writeWindowBatch, BinarySerdes::readWindowBatch);
    static final Serde<IdentityState> IDENTITY_STATE = serde(BinarySerdes::writeIdentityState,
            BinarySerdes::readIdentityState);
    static final Serde<WindowSet> WINDOW_SET = serde((set, out) -> writeWindows(set.windows(), out),
            in -> new WindowSet(readWindows(in)));
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

    private static void writeIdentityBatch(IdentityBatch batch, Out out) {
        out.writeInt(batch.partition());
        out.writeInt(batch.mentions().size());
        for (RoutedMention routed : batch.mentions()) {
            writeMention(routed.mention(), out);
            writeWindows(routed.windows(), out);
            out.writeInt(routed.firstOfArticle());
        }
    }

    private static IdentityBatch readIdentityBatch(In in) {
        int partition = in.readInt();
        int size = in.readCount();
        List<RoutedMention> mentions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            mentions.add(new RoutedMention(readMention(in), readWindows(in), in.readInt()));
        }
        return new IdentityBatch(partition, mentions);
    }

    private static void writeMention(Mention mention, Out out) {
        writeString(mention.eventId(), out);
        writeString(mention.articleId(), out);
        out.writeByte(mention.type().ordinal());
        writeString(mention.subject(), out);
        writeString(mention.date(), out);
        writeLong(mention.cnyMin(), out);
        writeLong(mention.cnyMax(), out);
        out.writeBoolean(mention.hasAmount());
    }

    private static Mention readMention(In in) {
        return new Mention(readString(in), readString(in), EventType.values()[in.readByte()], readString(in),
                readString(in), readLong(in), readLong(in), in.readBoolean());
    }

    private static void writeWindowBatch(WindowBatch batch, Out out) {
        out.writeInt(batch.partition());
        out.writeInt(batch.changes().size());
        for (WindowChange change : batch.changes()) {
            writeWindow(change.window(), out);
            out.writeInt(change.touches().size());
            for (WindowChange.Touch touch : change.touches()) {
                writeString(touch.eventId(), out);
                writeString(touch.articleId(), out);
                out.writeBoolean(touch.firstOfArticle());
            }
            out.writeInt(change.deltas().size());
            for (WindowChange.Delta delta : change.deltas()) {
                writeContribution(delta.contribution(), out);
                out.writeByte(delta.sign());
            }
        }
    }

    private static WindowBatch readWindowBatch(In in) {
        int partition = in.readInt();
        int size = in.readCount();
        List<WindowChange> changes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            WindowKey window = readWindow(in);
            int touchCount = in.readCount();
            List<WindowChange.Touch> touches = new ArrayList<>(touchCount);
            for (int t = 0; t < touchCount; t++) {
                touches.add(new WindowChange.Touch(readString(in), readString(in), in.readBoolean()));
            }
            int deltaCount = in.readCount();
            List<WindowChange.Delta> deltas = new ArrayList<>(deltaCount);
            for (int d = 0; d < deltaCount; d++) {
                deltas.add(new WindowChange.Delta(readContribution(in), in.readByte()));
            }
            changes.add(new WindowChange(window, touches, deltas));
        }
        return new WindowBatch(partition, changes);
    }

    private static void writeContribution(Contribution contribution, Out out) {
        out.writeByte(contribution.type().ordinal());
        writeString(contribution.subject(), out);
        out.writeLong(contribution.cnyMin());
        writeLong(contribution.cnyMax(), out);
    }

    private static Contribution readContribution(In in) {
        return new Contribution(EventType.values()[in.readByte()], readString(in), in.readLong(), readLong(in));
    }

    private static void writeIdentityState(IdentityState state, Out out) {
        out.writeByte(state.type.ordinal());
        out.writeLong(state.expiresAt);
        out.writeInt(state.slots.size());
        for (Slot slot : state.slots) {
            out.writeLong(slot.day());
            writeString(slot.firstEventId(), out);
            writeString(slot.subject(), out);
            writeString(slot.amountEventId(), out);
            out.writeLong(slot.cnyMin());
            writeLong(slot.cnyMax(), out);
            out.writeLong(slot.closesAt());
        }
    }

    private static IdentityState readIdentityState(In in) {
        EventType type = EventType.values()[in.readByte()];
        long expiresAt = in.readLong();
        int size = in.readCount();
        List<Slot> slots = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            slots.add(new Slot(in.readLong(), readString(in), readString(in), readString(in), in.readLong(),
                    readLong(in), in.readLong()));
        }
        return new IdentityState(type, slots, expiresAt);
    }

    private static void writeWindows(List<WindowKey> windows, Out out) {
        out.writeInt(windows.size());
        windows.forEach(window -> writeWindow(window, out));
    }

    private static List<WindowKey> readWindows(In in) {
        int size = in.readCount();
        List<WindowKey> windows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            windows.add(readWindow(in));
        }
        return windows;
    }

    private static void writeWindow(WindowKey window, Out out) {
        out.writeByte(window.window().ordinal());
        out.writeLong(window.endMillis());
        out.writeLong(window.startMillis());
        out.writeByte(window.dimension().ordinal());
        writeString(window.key(), out);
    }

    private static WindowKey readWindow(In in) {
        return new WindowKey(CalendarWindow.values()[in.readByte()], in.readLong(), in.readLong(),
                Dimension.values()[in.readByte()], readString(in));
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
        out.writeBoolean(summary.topKnown);
        out.writeInt(summary.top.size());
        for (AggregateRecord.SubjectCount count : summary.top) {
            writeString(count.subject(), out);
            out.writeLong(count.events());
        }
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
        summary.topKnown = in.readBoolean();
        int top = in.readCount();
        summary.top = new ArrayList<>(top);
        for (int i = 0; i < top; i++) {
            summary.top.add(new AggregateRecord.SubjectCount(readString(in), in.readLong()));
        }
        return summary;
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

        /** A number of elements to follow: never negative, nor more than the bytes left could hold. */
        int readCount() {
            int count = readInt();
            if (count < 0 || count > bytes.length - position) {
                throw new SerializationException("impossible element count " + count);
            }
            return count;
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
