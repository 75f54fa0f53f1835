package io.aipulse.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed bytes are an error, never silently replaced. */
final class Utf8 {

    private Utf8() {
    }

    static String decode(byte[] bytes) throws RejectedInputException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInputException("invalid-utf8", "input is not valid UTF-8: " + e.getMessage());
        }
    }

    /** True when the text holds control characters other than tab, newline and carriage return. */
    static boolean isBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                controls++;
            }
        }
        return controls > 0 && controls * 100 > text.length();
    }
}
