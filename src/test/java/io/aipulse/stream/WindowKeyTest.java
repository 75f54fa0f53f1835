package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WindowKeyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void decodesWhatItEncodes() {
        WindowKey key = WindowKey.of(CalendarWindow.WEEK, Dimension.SECTOR_CITY, "healthcare-biotech|hangzhou",
                instant("2023-07-26T10:00+08:00"), SHANGHAI);

        assertThat(WindowKey.decode(key.encode())).isEqualTo(key);
        assertThat(key.key()).isEqualTo("healthcare-biotech|hangzhou");
        assertThat(key.startMillis()).isEqualTo(instant("2023-07-24T00:00+08:00").toEpochMilli());
        assertThat(key.endMillis()).isEqualTo(instant("2023-07-31T00:00+08:00").toEpochMilli());
    }

    @Test
    void encodesSizeEndStartDimensionAndKey() {
        WindowKey key = WindowKey.of(CalendarWindow.DAY, Dimension.SECTOR, "healthcare-biotech",
                instant("2023-07-26T10:00+08:00"), SHANGHAI);

        assertThat(key.encode()).isEqualTo("1d|" + String.format("%013d", instant("2023-07-27T00:00+08:00").toEpochMilli())
                + "|" + String.format("%013d", instant("2023-07-26T00:00+08:00").toEpochMilli()) + "|sector|healthcare-biotech");
    }

    @Test
    void decodesKeysWithUnusualCharacters() {
        for (String group : List.of("unknown", "医疗|杭州", "a b", "x@y", "")) {
            WindowKey key = WindowKey.of(CalendarWindow.DAY, Dimension.CITY, group, instant("2023-07-26T10:00+08:00"),
                    SHANGHAI);

            assertThat(WindowKey.decode(key.encode())).isEqualTo(key);
        }
    }

    @Test
    void ordersEncodedKeysBySizeThenEndThenStart() {
        // given keys made in scrambled order
        TreeMap<String, String> store = new TreeMap<>();
        put(store, "day-0727", CalendarWindow.DAY, "2023-07-27T10:00+08:00", "zzz");
        put(store, "week-0724", CalendarWindow.WEEK, "2023-07-26T10:00+08:00", "aaa");
        put(store, "day-0726", CalendarWindow.DAY, "2023-07-26T10:00+08:00", "zzz");
        put(store, "day-2024", CalendarWindow.DAY, "2024-01-01T10:00+08:00", "aaa");
        put(store, "week-0717", CalendarWindow.WEEK, "2023-07-19T10:00+08:00", "zzz");
        put(store, "day-0726-a", CalendarWindow.DAY, "2023-07-26T11:00+08:00", "aaa");

        // then a sorted store holds days before weeks, each by end time, ties by group key
        assertThat(store.values()).containsExactly("day-0726-a", "day-0726", "day-0727", "day-2024", "week-0717",
                "week-0724");
    }

    @Test
    void boundsTheRangeOfClosedWindows() {
        // given day windows ending 07-26, 07-27 and 07-28, and a week window ending 07-31
        TreeMap<String, String> store = new TreeMap<>();
        put(store, "day-0725", CalendarWindow.DAY, "2023-07-25T10:00+08:00", "sector-z");
        put(store, "day-0726", CalendarWindow.DAY, "2023-07-26T10:00+08:00", "~tilde");
        put(store, "day-0727", CalendarWindow.DAY, "2023-07-27T10:00+08:00", "a");
        put(store, "week-0724", CalendarWindow.WEEK, "2023-07-26T10:00+08:00", "a");
        long endOf0726 = instant("2023-07-27T00:00+08:00").toEpochMilli();

        // when the range [lowest(day), above(day, end of 07-26)] is scanned
        var closed = store.subMap(WindowKey.lowest(CalendarWindow.DAY), true,
                WindowKey.above(CalendarWindow.DAY, endOf0726), true);

        // then it holds exactly the day windows ending at or before that instant
        assertThat(closed.values()).containsExactly("day-0725", "day-0726");
        assertThat(store.subMap(WindowKey.lowest(CalendarWindow.WEEK), true,
                WindowKey.above(CalendarWindow.WEEK, endOf0726), true)).isEmpty();
    }

    @Test
    void givesEveryWindowAnEntryPrefixThatNoOtherWindowsPrefixStartsWith() {
        java.util.Set<WindowKey> windows = new java.util.HashSet<>();
        for (CalendarWindow window : CalendarWindow.values()) {
            for (Dimension dimension : Dimension.values()) {
                for (String group : java.util.List.of("general", "general-ai", "healthcare-biotech|hangzhou")) {
                    for (String time : java.util.List.of("2023-07-26T10:00+08:00", "2023-07-27T10:00+08:00",
                            "2023-08-01T10:00+08:00")) {
                        windows.add(WindowKey.of(window, dimension, group, instant(time), SHANGHAI));
                    }
                }
            }
        }
        java.util.List<String> prefixes = windows.stream().map(WindowKey::entryPrefix).toList();

        assertThat(prefixes).hasSize(3 * 3 * 3 + 3 * 3 * 2).doesNotHaveDuplicates();
        for (String prefix : prefixes) {
            assertThat(prefixes).filteredOn(other -> other.startsWith(prefix)).containsExactly(prefix);
        }
    }

    private static void put(TreeMap<String, String> store, String name, CalendarWindow window, String time,
                            String group) {
        store.put(WindowKey.of(window, Dimension.SECTOR, group, instant(time), SHANGHAI).encode(), name);
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
