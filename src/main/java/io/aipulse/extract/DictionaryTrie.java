package io.aipulse.extract;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every occurrence of every dictionary key in a text, found by walking a double-array trie from each position
 * that can start a key. Characters are mapped to dense codes (ASCII upper case to the code of its lower case,
 * so the text needs no lower-casing), which keeps the arrays small and cache-friendly. The hits come out in
 * the order the extractor reads them: by start, the longest first, the meanings of one key in their order.
 * Keys that begin or end with a Latin letter or digit match only at word boundaries. Immutable and
 * thread-safe once built.
 */
final class DictionaryTrie {

    /** dense code of each UTF-16 unit, 0 when no key contains it */
    private final char[] codes = new char[65536];
    /**
     * bit {@link #pair} set for the first two characters of every key of two or more characters (either case for ASCII
     * letters): most places start no key, and this 8 KB filter turns them away before the walk reads the large double
     * array
     */
    private final long[] pairBits = new long[PAIR_BITS / 64];
    private static final int PAIR_BITS = 1 << 16;
    /** bit c set when c (either case for ASCII letters) is a key of one character */
    private final long[] loneBits = new long[1024];
    /**
     * double array, interleaved so that a node's base and check share a cache line: {@code bc[2n]} is the base
     * of node n, {@code bc[2n + 1]} its parent; the child of n by code c is {@code base(n) + c} when its parent is n
     */
    private final int[] bc;
    /** bit n set when a key ends at node n */
    private final long[] terminal;
    /**
     * the meanings of every key, those of one key together: a key's meanings are read without going through an
     * array object of their own (one cache miss fewer per hit)
     */
    private final Knowledge.Term[] meanings;
    /** per node: where its key's meanings start in {@link #meanings}, shifted left 8, and how many (0 for none) */
    private final int[] meaningsOf;
    private final int maxKeyLength;

    /** what a number before it counts (a date, an amount, a size): "ChatGLM7月初" is no version 7 */
    private static final String NOT_A_VERSION = "年月日号號亿億万萬千百元个個岁歲";

    /** A version number at {@code at}: digits and dots, not followed by what makes them a date or an amount. */
    static boolean versionAt(char[] t, int at) {
        if (at >= t.length || t[at] < '0' || t[at] > '9') {
            return false;
        }
        int q = at;
        while (q < t.length && (t[q] >= '0' && t[q] <= '9' || t[q] == '.')) {
            q++;
        }
        return q >= t.length || NOT_A_VERSION.indexOf(t[q]) < 0;
    }

    /** @param dictionary keys (ASCII already lower-cased, non-empty) to their meanings */
    DictionaryTrie(Map<String, Knowledge.Term[]> dictionary) {
        int next = 1;
        int longest = 0;
        for (String key : dictionary.keySet()) {
            longest = Math.max(longest, key.length());
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (codes[c] == 0) {
                    codes[c] = (char) next++;
                }
            }
        }
        if (next >= 65536) {
            throw new IllegalStateException("dictionary alphabet too large");
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            codes[c] = codes[c + 32];
        }
        this.maxKeyLength = longest;
        for (String key : dictionary.keySet()) {
            for (char first : cases(key.charAt(0))) {
                if (key.length() == 1) {
                    loneBits[first >>> 6] |= 1L << first;
                    continue;
                }
                for (char second : cases(key.charAt(1))) {
                    int bit = pair(first, second);
                    pairBits[bit >>> 6] |= 1L << bit;
                }
            }
        }

        // a plain trie first, then laid out breadth-first into the double array
        Node root = new Node();
        for (Map.Entry<String, Knowledge.Term[]> e : dictionary.entrySet()) {
            Node n = root;
            String key = e.getKey();
            for (int i = 0; i < key.length(); i++) {
                n = n.kids.computeIfAbsent((int) codes[key.charAt(i)], k -> new Node());
            }
            n.value = e.getValue();
        }
        int alphabet = next;
        int[] b = new int[Math.max(1024, 2 * alphabet)];
        int[] chk = new int[b.length];
        Arrays.fill(chk, -1);
        Knowledge.Term[][] vals = new Knowledge.Term[b.length][];
        int used = 1; // slot 0 is the root
        int firstFree = 1;
        ArrayDeque<Node> queue = new ArrayDeque<>();
        root.index = 0;
        queue.add(root);
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (n.value != null) {
                vals = ensure(vals, n.index + 1);
                vals[n.index] = n.value;
            }
            if (n.kids.isEmpty()) {
                continue;
            }
            int[] kidCodes = n.kids.keySet().stream().mapToInt(Integer::intValue).toArray();
            int first = kidCodes[0];
            int last = kidCodes[kidCodes.length - 1];
            while (firstFree < chk.length && chk[firstFree] != -1) {
                firstFree++;
            }
            int bs = n == root ? 0 : Math.max(0, firstFree - first);
            while (true) {
                if (bs + last >= chk.length) {
                    int size = Math.max(chk.length * 2, bs + last + alphabet + 1);
                    int old = chk.length;
                    b = Arrays.copyOf(b, size);
                    chk = Arrays.copyOf(chk, size);
                    Arrays.fill(chk, old, size, -1);
                }
                boolean fits = true;
                for (int c : kidCodes) {
                    if (chk[bs + c] != -1) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    break;
                }
                bs++;
            }
            b[n.index] = bs;
            for (int c : kidCodes) {
                Node kid = n.kids.get(c);
                kid.index = bs + c;
                chk[kid.index] = n.index;
                used = Math.max(used, kid.index + 1);
                queue.add(kid);
            }
        }
        // room for any code after the last base, so a look-up never leaves the arrays
        int size = Math.max(used + alphabet + 1, b.length);
        this.bc = new int[2 * size];
        this.terminal = new long[(size + 63) / 64];
        Knowledge.Term[][] values = Arrays.copyOf(ensure(vals, size), size);
        int total = 0;
        for (Knowledge.Term[] v : values) {
            total += v == null ? 0 : v.length;
        }
        this.meanings = new Knowledge.Term[total];
        this.meaningsOf = new int[size];
        int at = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] != null) {
                if (values[i].length > 0xFF) {
                    throw new IllegalStateException("more than 255 meanings of one key");
                }
                System.arraycopy(values[i], 0, meanings, at, values[i].length);
                meaningsOf[i] = at << 8 | values[i].length;
                at += values[i].length;
            }
        }
        for (int i = 0; i < size; i++) {
            bc[2 * i] = i < b.length ? b[i] : 0;
            bc[2 * i + 1] = i < chk.length ? chk[i] : -1;
            if (values[i] != null) {
                terminal[i >>> 6] |= 1L << i;
            }
        }
    }

    /** the bit of {@link #pairBits} of two characters of the text */
    private static int pair(char first, char second) {
        return (first * 0x9E37 + second) & (PAIR_BITS - 1);
    }

    /** A key's character as the text may write it: an ASCII letter in either case. */
    private static char[] cases(char c) {
        return c >= 'a' && c <= 'z' ? new char[] {c, (char) (c - 32)} : new char[] {c};
    }

    private static Knowledge.Term[][] ensure(Knowledge.Term[][] a, int size) {
        return a.length >= size ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    private static final class Node {
        final TreeMap<Integer, Node> kids = new TreeMap<>();
        Knowledge.Term[] value;
        int index;
    }

    /** Appends every hit of {@code text} to {@code out}: by start, longest first. */
    void scan(String text, HitList out) {
        int n = text.length();
        // one bulk copy: array reads in the walk below are cheaper than String.charAt's coder and bounds checks
        char[] t = text.toCharArray();
        int[] ends = new int[maxKeyLength + 1];
        int[] nodes = new int[maxKeyLength + 1];
        char[] codes = this.codes;
        int[] bc = this.bc;
        long[] terminal = this.terminal;
        long[] pairBits = this.pairBits;
        boolean prevAlnum = false;
        for (int p = 0; p < n; p++) {
            char c = t[p];
            boolean alnum = Knowledge.isAsciiAlnum(c);
            boolean skip = alnum && prevAlnum; // a key starting with a letter or digit inside a word
            prevAlnum = alnum;
            // one test turns away most places: no one-character key here, and no longer key starts with these two
            // characters. It reads the characters themselves, not the code table (128 KB, mostly out of cache after
            // the rules of the previous article), and is one branch rather than three hard to predict
            int bit = pair(c, p + 1 < n ? t[p + 1] : 0);
            if (((loneBits[c >>> 6] >>> c | pairBits[bit >>> 6] >>> bit) & 1) == 0 || skip) {
                continue;
            }
            int node = codes[c]; // a child of the root (whose base is 0) when some key starts with c
            if (bc[2 * node + 1] != 0) {
                continue; // none does: the filters' hashed bits passed c by chance
            }
            int found = 0;
            int j = p;
            while (true) {
                if ((terminal[node >>> 6] & (1L << node)) != 0) {
                    ends[found] = j + 1;
                    nodes[found++] = node;
                }
                if (++j >= n) {
                    break;
                }
                int cc = codes[t[j]];
                if (cc == 0) {
                    break;
                }
                int child = bc[2 * node] + cc;
                if (bc[2 * child + 1] != node) {
                    break;
                }
                node = child;
            }
            for (int k = found - 1; k >= 0; k--) {
                int end = ends[k];
                boolean versioned = false;
                if (end < n && Knowledge.isAsciiAlnum(t[end - 1]) && Knowledge.isAsciiAlnum(t[end])) {
                    // a key ending with a letter or digit inside a word; only a model's version may follow its
                    // name ("MiniCPM4.0", "Qwen2.5")
                    if (!Character.isLetter(t[end - 1]) || !versionAt(t, end)) {
                        continue;
                    }
                    versioned = true;
                }
                int of = meaningsOf[nodes[k]];
                for (int i = of >>> 8, last = i + (of & 0xFF); i < last; i++) {
                    Knowledge.Term term = meanings[i];
                    if (!versioned || term.kind() == Knowledge.Kind.MODEL) {
                        out.append(new Knowledge.Hit(p, end, term));
                    }
                }
            }
        }
    }
}
