package bj.gouv.masm.shared;

/**
 * Characters XML 1.0 forbids (control characters other than tab, line feed and carriage return,
 * lone surrogates, U+FFFE/U+FFFF): refused on input so that exports in XML (IATI) never break, and
 * dropped on output for any older value.
 */
public final class XmlText {

    private XmlText() {
    }

    public static boolean isAllowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** The first forbidden character as {@code U+0001}, or null if the text is fine for XML. */
    public static String firstForbidden(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isAllowed(codePoint)) {
                return String.format("U+%04X", codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    /** The text without the characters XML forbids. */
    public static String strip(String text) {
        if (text == null || firstForbidden(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::isAllowed).forEach(out::appendCodePoint);
        return out.toString();
    }
}
